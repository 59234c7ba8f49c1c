/**
 * Elementary functions that give the same bits on every JavaScript engine.
 *
 * Math.exp, Math.log, Math.pow and Math.cos are not specified to the last bit, and engines differ: Node 20's
 * V8 and Chromium 156's V8 return different last bits for some arguments (measured). A model that must
 * give the same numbers in Node and in the browser cannot use them. These are ports of FreeBSD's msun /
 * Sun's fdlibm e_exp.c and e_log.c (error < 1 ulp), written only with +, -, *, / and exact bit operations,
 * which IEEE 754 defines to the bit. Math.sqrt is correctly rounded by the standard, so it is safe as is.
 */

const buffer = new ArrayBuffer(8);
const f64 = new Float64Array(buffer);
const u32 = new Uint32Array(buffer);
// Little-endian on every platform JavaScript runs on today; checked once.
const HI = (() => {
  f64[0] = 1;
  return u32[1] === 0x3ff00000 ? 1 : 0;
})();
const LO = 1 - HI;

/** 2^k for integer k in [-1022, 1023], exactly (built from the bits once; a table read is faster than bits). */
const POW2 = (() => {
  const t = new Float64Array(2046);
  for (let k = -1022; k <= 1023; k++) {
    u32[LO] = 0;
    u32[HI] = (k + 1023) << 20;
    t[k + 1022] = f64[0]!;
  }
  return t;
})();

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/**
 * e^x, the same bits everywhere (fdlibm's algorithm). The common case (no overflow, no underflow, no NaN) is kept
 * short so that V8 inlines it where it is hot: a call would box its argument and its result (an allocation each).
 */
export function exp(x: number): number {
  if (!(x > -708 && x < 709)) {
    // Overflow, underflow and NaN answered here, so that code inlining exp calls nothing for them.
    if (x > 709.782712893383973096) return Infinity;
    if (x < -745.13321910194110842) return 0;
    if (x !== x) return x;
    // (+: the call's result is then known to be a number, and the inlined fast path's stays unboxed.)
    return +expFdlibm(x);
  }
  const ax = x < 0 ? -x : x;
  if (ax < 3.725290298461914e-9) return 1 + x; // |x| < 2^-28
  // Argument reduction: x = k ln2 + r, |r| <= ln2 / 2.
  let k = 0;
  let hi = x;
  let lo = 0;
  if (ax > 0.34657359027997264) {
    k = ax < 1.0397207708399179 ? (x < 0 ? -1 : 1) : Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  // |k| <= 1023 here: 2^k is one exact table read.
  return (1 - (lo - (r * c) / (2 - c) - hi)) * POW2[k + 1022]!;
}

// V8 compiles code that inlines exp with what each of exp's branches has seen; a branch never taken there
// deoptimizes that code (the decision kernel, say) the first time it is, in whatever Simulation. Take every branch
// now, once V8 records them (after a few calls).
for (let k = -40; k <= 40; k++) exp(k / 4);
for (const x of [1e-10, -1e-10, 0.1, -0.1, 1, -1, 709.5, -708.5, 1000, -1000, NaN]) exp(x);

/** The whole of fdlibm's e^x, for any x: exp's path where the result may overflow or underflow, or x is NaN. */
export function expFdlibm(x: number): number {
  if (x !== x) return x;
  if (x > 709.782712893383973096) return Infinity;
  if (x < -745.13321910194110842) return 0;
  const ax = x < 0 ? -x : x;
  let hi: number;
  let lo: number;
  let k: number;
  if (ax > 0.34657359027997264) {
    k = ax < 1.0397207708399179 ? (x < 0 ? -1 : 1) : Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  } else {
    k = 0;
    hi = x;
    lo = 0;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // Scale by 2^k, in two exact steps where 2^k alone would leave the normal range.
  if (k > 1023) return y * POW2[1023 + 1022]! * POW2[k - 1023 + 1022]!;
  if (k < -1021) return y * POW2[k + 1000 + 1022]! * POW2[-1000 + 1022]!;
  return y * POW2[k + 1022]!;
}

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * Natural logarithm, the same bits everywhere (fdlibm's algorithm). The common case (a positive, normal, finite
 * x) is kept short so that V8 inlines it where it is hot (a call would box its argument and its result).
 */
export function log(x: number): number {
  if (!(x >= 2.2250738585072014e-308 && x < Infinity)) return +logFdlibm(x);
  f64[0] = x;
  let hx = u32[HI]!;
  let k = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // Normalize the mantissa into [sqrt(2)/2, sqrt(2)).
  const i = (hx + 0x95f64) & 0x100000;
  u32[HI] = hx | (i ^ 0x3ff00000);
  k += i >> 20;
  const f = f64[0]! - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}

/**
 * a[i] = log(a[i]): for a caller where log may not be inlined, so that no double crosses a call (it would be
 * boxed: a new heap object per call).
 */
export function logAt(a: Float64Array, i: number): void {
  a[i] = log(a[i]!);
}

/** The whole of fdlibm's natural logarithm, for any x: log's path for 0, negatives, NaN, Infinity and subnormals. */
export function logFdlibm(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k -= 54;
    x *= 18014398509481984; // 2^54: subnormal to normal
  }
  f64[0] = x;
  let hx = u32[HI]!;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // Normalize the mantissa into [sqrt(2)/2, sqrt(2)).
  const i = (hx + 0x95f64) & 0x100000;
  u32[HI] = hx | (i ^ 0x3ff00000);
  k += i >> 20;
  const f = f64[0]! - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}

// The same for log: take each of its branches now (see exp).
for (let k = 1; k <= 80; k++) log(k / 8);
for (const x of [0, -1, NaN, Infinity, 5e-324]) log(x);

/** x^y for x > 0, as exp(y log x): not correctly rounded, but the same bits everywhere. */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 1) return 1;
  return exp(y * log(x));
}
