/**
 * The shipped posterior: its file format (written, read back, refused in one line when wrong) and drawing
 * organizations from it (systematic resampling keeps the weights, whole particles).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPosterior,
  posteriorDraws,
  posteriorText,
  resampleSystematic,
  type Posterior,
} from '../src/calibrate/posterior.ts';
import { designStream } from '../src/research/random.ts';
import {
  posteriorStaleness,
  readPosterior,
  SHIPPED_POSTERIOR,
  SHIPPED_TARGETS,
  targetsDigest,
} from '../cli/posterior-file.ts';

const shipped = readPosterior(SHIPPED_POSTERIOR);
const raw = () => JSON.parse(readFileSync(SHIPPED_POSTERIOR, 'utf8')) as Record<string, unknown> & Posterior;

describe('systematic resampling', () => {
  it('draws each particle floor(n w) or ceil(n w) times, whatever the offset', () => {
    const w = [0.5, 0.25, 0.125, 0.0625, 0.0625];
    for (const u of [0, 0.01, 0.37, 0.5, 0.99]) {
      const counts = new Array(w.length).fill(0);
      for (const i of resampleSystematic(w, 16, u)) counts[i]!++;
      expect(counts).toEqual([8, 4, 2, 1, 1]);
    }
    const odd = [0.3, 0.3, 0.4];
    for (const u of [0.05, 0.5, 0.95]) {
      const counts = [0, 0, 0];
      for (const i of resampleSystematic(odd, 7, u)) counts[i]!++;
      counts.forEach((c, i) => expect(c === Math.floor(7 * odd[i]!) || c === Math.ceil(7 * odd[i]!)).toBe(true));
      expect(counts.reduce((a, b) => a + b)).toBe(7);
    }
  });

  it('keeps the weights in expectation: over many offsets each particle is drawn n w times on average', () => {
    const w = [0.05, 0.6, 0.01, 0.34];
    const rand = designStream(1, 'test');
    const counts = new Array(w.length).fill(0);
    const trials = 2000;
    for (let t = 0; t < trials; t++) for (const i of resampleSystematic(w, 10, rand())) counts[i]++;
    // Exact expectation n w; the count per trial is floor or ceil, so its mean over 2000 trials is within 0.03.
    counts.forEach((c, i) => expect(Math.abs(c / trials - 10 * w[i]!)).toBeLessThan(0.03));
  });

  it('draws whole particles of the shipped posterior, in a random order, the same for the same stream', () => {
    const draws = posteriorDraws(shipped, 200, designStream(2026, 'audit:posterior'));
    expect(draws).toHaveLength(200);
    expect(posteriorDraws(shipped, 200, designStream(2026, 'audit:posterior'))).toEqual(draws);
    // Heavier particles are drawn more: the most weighted at least as often as 200 w - 1.
    const top = shipped.weights.indexOf(Math.max(...shipped.weights));
    expect(draws.filter((i) => i === top).length).toBeGreaterThanOrEqual(Math.floor(200 * shipped.weights[top]!));
    // Not sorted: systematic resampling's order is shuffled, so rows do not line up with the hypercube's.
    expect([...draws].sort((a, b) => a - b)).not.toEqual(draws);
  });
});

describe('the posterior file', () => {
  it('ships, reads back as written, and names its fit and targets', () => {
    expect(shipped.parameters.length).toBeGreaterThan(10);
    expect(shipped.particles.length).toBe(shipped.weights.length);
    expect(shipped.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(shipped.calibration.targetsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checkPosterior(JSON.parse(posteriorText(shipped)), 'again.json')).toEqual(shipped);
  });

  it('is fitted to the shipped targets, and says so when they change', () => {
    const targets = JSON.parse(readFileSync(SHIPPED_TARGETS, 'utf8'));
    expect(shipped.calibration.name).toBe(targets.name);
    expect(posteriorStaleness(shipped)).toBeNull();
    const other = {
      ...shipped,
      calibration: { ...shipped.calibration, targetsSha256: targetsDigest({ targets: [] }) },
    };
    expect(posteriorStaleness(other)).toMatch(
      /was fitted to other targets than .*mid\.json .*regenerate it \(npm run calibrate\)/,
    );
    // Another fit (another name) is not the shipped one's: nothing to say.
    expect(posteriorStaleness({ ...other, calibration: { ...other.calibration, name: 'my own fit' } })).toBeNull();
  });

  const refused = (edit: (p: ReturnType<typeof raw>) => void) => {
    const p = raw();
    edit(p);
    return () => checkPosterior(p, 'p.json');
  };

  it('is refused in one line naming the field, the value and what is allowed', () => {
    expect(
      refused((p) => {
        p.format = 'other' as never;
      }),
    ).toThrow('p.json: format = "other" is not allowed; expected "orgsim-posterior"');
    expect(
      refused((p) => {
        p.version = 2 as never;
      }),
    ).toThrow(/^p\.json: version = 2 is not allowed; expected 1/);
    expect(
      refused((p) => {
        p.parameters[0]!.path = 'behaviour.nothing';
      }),
    ).toThrow(
      /^p\.json: parameters\[0\]\.path = "behaviour\.nothing" is not allowed; expected a numeric scenario parameter/,
    );
    expect(
      refused((p) => {
        p.parameters[1]!.path = p.parameters[0]!.path;
      }),
    ).toThrow(/parameters\[1\]\.path = .* expected each parameter once/);
    expect(
      refused((p) => {
        p.parameters[0]!.prior = [1, 0];
      }),
    ).toThrow(/parameters\[0\]\.prior = \[1,0\] is not allowed; expected \[lo, hi\]/);
    expect(
      refused((p) => {
        p.particles[2]![0] = 1e9;
      }),
    ).toThrow(
      new RegExp(
        String.raw`^p\.json: particles\[2\]\[0\] = 1000000000 is not allowed; expected a number from -10 to ` +
          String.raw`5 \(behaviour\.baseline\)`,
      ),
    );
    expect(
      refused((p) => {
        p.particles[0]![0] = 'x' as never;
      }),
    ).toThrow(/particles\[0\]\[0\] = "x" is not allowed/);
    expect(
      refused((p) => {
        p.particles[1] = p.particles[1]!.slice(1);
      }),
    ).toThrow(/particles\[1\] = "28 values" is not allowed; expected a list of 29 numbers/);
    expect(
      refused((p) => {
        p.weights = p.weights.slice(1);
      }),
    ).toThrow(/weights = "59 weights" is not allowed; expected a list of 60 weights/);
    expect(
      refused((p) => {
        p.weights[3] = -1;
      }),
    ).toThrow(/weights\[3\] = -1 is not allowed; expected a finite number of at least 0/);
    expect(
      refused((p) => {
        p.weights = p.weights.map(() => 0);
      }),
    ).toThrow(/weights = "all 0" is not allowed/);
    expect(
      refused((p) => {
        (p as Record<string, unknown>).code = 'x';
      }),
    ).toThrow(/^p\.json: code = "x" is not allowed; expected no such field/);
    expect(
      refused((p) => {
        p.calibration.targetsSha256 = 'abc';
      }),
    ).toThrow(/calibration\.targetsSha256 = "abc" is not allowed; expected a sha256 digest/);
    expect(() => checkPosterior([], 'p.json')).toThrow(/^p\.json: posterior = \[\] is not allowed/);
  });
});

describe('orgsim claims --audit --posterior', () => {
  it('refuses a bad posterior file in one line, exit 2, before any run', async () => {
    const { cli, expectMistake } = await import('./sweep-helpers.ts');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-posterior-'));
    try {
      const bad = raw();
      bad.particles[0]![1] = -3;
      writeFileSync(join(dir, 'p.json'), JSON.stringify(bad));
      expectMistake(
        await cli(['claims', 'C10', '--audit', '--posterior', join(dir, 'p.json')]),
        /p\.json: particles\[0\]\[1\] = -3 is not allowed; expected a number from 0 to 5 \(behaviour\.teamBonus\)/,
      );
      writeFileSync(join(dir, 'deep.json'), '['.repeat(100_000));
      expectMistake(
        await cli(['claims', 'C10', '--audit', '--posterior', join(dir, 'deep.json')]),
        /deep\.json: .*nest/i,
      );
      expectMistake(
        await cli(['claims', 'C10', '--audit', '--posterior', join(dir, 'none.json')]),
        /cannot read the posterior .*none\.json: no such file/,
      );
      expectMistake(await cli(['claims', 'C10', '--posterior', 'none']), /--posterior needs --audit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
