import { describe, expect, it } from 'vitest';
import { exp, expFdlibm, log, logFdlibm, pow } from '../src/math.ts';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Number(buf.getBigInt64(0) - buf.getBigInt64(8));
}

describe('deterministic elementary functions', () => {
  it('exp is within 1 ulp of Math.exp over a wide range', () => {
    let worst = 0;
    for (let i = -200000; i <= 200000; i++) {
      const x = i * 0.00357 + (i % 7) * 1e-9;
      worst = Math.max(worst, Math.abs(ulps(exp(x), Math.exp(x))));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("exp's short common path gives the bits of the whole algorithm, up to the edges of its range", () => {
    const xs = new Float64Array(400_000);
    for (let i = 0; i < xs.length; i++) xs[i] = (i - 200_000) * 0.0036 + (i % 11) * 1e-10;
    const edges = [
      -708, -707.9999999999999, -708.0000000000001, 709, 708.9999999999999, 0.34657359027997264, -0.34657359027997264,
      1.0397207708399179, 3.725290298461914e-9, -3.725290298461914e-9, 0, -0,
    ];
    for (const x of [...xs, ...edges])
      if (!Object.is(exp(x), expFdlibm(x))) expect([x, exp(x)]).toEqual([x, expFdlibm(x)]);
  });

  it("log's short common path gives the bits of the whole algorithm, subnormals and edges included", () => {
    const xs: number[] = [];
    for (let i = 1; i <= 100_000; i++) xs.push(i * 0.000731, i * 13.7, i * 1e-310, 1 + i * 1e-12, 1 / i);
    xs.push(
      2.2250738585072014e-308,
      2.225073858507201e-308,
      Number.MAX_VALUE,
      1,
      0.5,
      2,
      0,
      -0,
      -1,
      NaN,
      Infinity,
      -Infinity,
      5e-324,
    );
    for (const x of xs) if (!Object.is(log(x), logFdlibm(x))) expect([x, log(x)]).toEqual([x, logFdlibm(x)]);
  });

  it('log is within 1 ulp of Math.log, subnormals included', () => {
    let worst = 0;
    for (let i = 1; i <= 200000; i++) {
      for (const x of [i * 0.000731, i * 13.7, i * 1e-310, 1 + i * 1e-12])
        worst = Math.max(worst, Math.abs(ulps(log(x), Math.log(x))));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('handles the special cases like Math', () => {
    expect(exp(0)).toBe(1);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
    expect(exp(-740)).toBeGreaterThan(0);
    expect(Math.abs(ulps(exp(-740), Math.exp(-740)))).toBeLessThanOrEqual(1);
    expect(exp(709.7)).toBeCloseTo(Math.exp(709.7), -300);
    expect(Number.isNaN(exp(NaN))).toBe(true);
    expect(log(0)).toBe(-Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
    expect(log(1)).toBe(0);
    expect(log(Infinity)).toBe(Infinity);
    expect(pow(2, 10)).toBeCloseTo(1024, 10);
    expect(pow(5, 0)).toBe(1);
  });
});
