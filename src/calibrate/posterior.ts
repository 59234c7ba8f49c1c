/**
 * The shipped posterior of a calibration: the last generation's particles (each a whole calibrated
 * organization: one value per fitted parameter) and their importance weights, with what identifies the fit
 * (its name, the digest of its targets, the scenario). `orgsim calibrate` writes it (posterior.json in its
 * folder; `npm run calibrate` copies it to scenarios/calibration/mid.posterior.json), and `orgsim claims
 * --audit` draws organizations from it: whole particles, resampled by weight, never each parameter on its own
 * (the posterior is correlated: independent marginals fall outside it).
 *
 * Format (version 1), one JSON object:
 *   format       "orgsim-posterior"
 *   version      1
 *   calibration  { name, targetFile, targetsSha256, scenario, scenarioSha256, generation, generations,
 *                  particles, runs, epsilon, ess, orgsim, git, note }
 *   parameters   [{ path, prior: [lo, hi] }]  the fitted parameters, in particle order
 *   particles    [[value per parameter]]      the values the model ran with (whole numbers where the schema says)
 *   weights      [weight per particle]        normalized importance weights (sum 1)
 * A posterior file travels between people: checkPosterior refuses anything else in one line (exit 2).
 */
import { ScenarioError, show } from '../scenario/errors.ts';
import { parameterInfo } from '../scenario/paths.ts';
import type { Uniform } from '../rng.ts';
import type { Population } from './generation.ts';
import type { Plan } from './plan.ts';

export const POSTERIOR_FORMAT = 'orgsim-posterior';
export const POSTERIOR_VERSION = 1;
export const MAX_POSTERIOR_PARAMETERS = 500;
export const MAX_POSTERIOR_PARTICLES = 100_000;

export interface PosteriorCalibration {
  /** The target file's name. */
  name: string;
  /** The target file as given to `orgsim calibrate`. */
  targetFile: string;
  /** sha256 of the validated targets (statistics, windows, bands, weights): what the fit was fitted to. */
  targetsSha256: string;
  scenario: string;
  scenarioSha256: string;
  /** The generation the particles come from (0-based) and how many the fit ran. */
  generation: number;
  generations: number;
  particles: number;
  /** Replications per proposal. */
  runs: number;
  epsilon: number | null;
  ess: number;
  orgsim: string;
  git: string | null;
  /** Anything a reader must know (e.g. a short placeholder fit). */
  note: string;
}

export interface Posterior {
  format: typeof POSTERIOR_FORMAT;
  version: typeof POSTERIOR_VERSION;
  calibration: PosteriorCalibration;
  parameters: { path: string; prior: [number, number] }[];
  particles: number[][];
  weights: number[];
}

/** The posterior of a finished fit: its last population. */
export function makePosterior(
  plan: Plan,
  population: Population,
  calibration: Omit<PosteriorCalibration, 'generation' | 'particles' | 'epsilon' | 'ess'>,
): Posterior {
  let total = 0;
  for (const p of population.particles) total += p.weight;
  return {
    format: POSTERIOR_FORMAT,
    version: POSTERIOR_VERSION,
    calibration: {
      ...calibration,
      generation: population.generation,
      particles: population.particles.length,
      epsilon: population.epsilon,
      ess: population.ess,
    },
    parameters: plan.parameters.map((p) => ({ path: p.path, prior: [p.lo, p.hi] })),
    particles: population.particles.map((p) => [...p.values]),
    weights: population.particles.map((p) => p.weight / total),
  };
}

/** The file's text: one key per line, one particle per line (reads and diffs well). */
export function posteriorText(p: Posterior): string {
  const list = (xs: readonly unknown[]) => `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  return [
    '{',
    `  "format": ${JSON.stringify(p.format)},`,
    `  "version": ${p.version},`,
    `  "calibration": ${JSON.stringify(p.calibration, null, 1).replace(/\n/g, '\n  ')},`,
    `  "parameters": ${list(p.parameters)},`,
    `  "particles": ${list(p.particles)},`,
    `  "weights": ${JSON.stringify(p.weights)}`,
    '}',
    '',
  ].join('\n');
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

type Bad = (field: string, value: unknown, allowed: string) => never;
type ParameterInfo = NonNullable<ReturnType<typeof parameterInfo>>;

/** The calibration's record: texts, digests, the commit, the counts and the fit's epsilon and ESS. */
function checkCalibration(c: unknown, bad: Bad): void {
  if (!isObject(c)) return bad('calibration', c, 'an object (name, targetFile, targetsSha256, scenario, ...)');
  for (const key of ['name', 'targetFile', 'scenario', 'orgsim', 'note'] as const) {
    if (typeof c[key] !== 'string' || (c[key] as string).length > 4000)
      bad(`calibration.${key}`, c[key], 'a text of at most 4,000 characters');
  }
  for (const key of ['targetsSha256', 'scenarioSha256'] as const) {
    if (typeof c[key] !== 'string' || !/^[0-9a-f]{64}$/.test(c[key] as string))
      bad(`calibration.${key}`, c[key], 'a sha256 digest (64 hexadecimal digits)');
  }
  if (c.git !== null && (typeof c.git !== 'string' || !/^[0-9a-f]{7,64}$/.test(c.git)))
    bad('calibration.git', c.git, 'a git commit (hexadecimal) or null');
  for (const key of ['generation', 'generations', 'particles', 'runs'] as const) {
    if (!Number.isInteger(c[key]) || (c[key] as number) < 0 || (c[key] as number) > 1e9)
      bad(`calibration.${key}`, c[key], 'a whole number of at least 0');
  }
  if (c.epsilon !== null && !Number.isFinite(c.epsilon)) bad('calibration.epsilon', c.epsilon, 'a number or null');
  if (!Number.isFinite(c.ess) || (c.ess as number) < 0) bad('calibration.ess', c.ess, 'a number of at least 0');
}

/** The fitted parameters: numeric scenario parameters, each once, each with a prior [lo, hi]. */
function checkParameters(params: unknown, bad: Bad): ParameterInfo[] {
  if (!Array.isArray(params) || params.length < 1 || params.length > MAX_POSTERIOR_PARAMETERS) {
    return bad(
      'parameters',
      Array.isArray(params) ? `${params.length} parameters` : params,
      `a list of 1 to ${MAX_POSTERIOR_PARAMETERS} parameters`,
    );
  }
  const seen = new Set<string>();
  return params.map((p, j) => {
    const field = `parameters[${j}]`;
    if (!isObject(p)) return bad(field, p, 'an object {"path": ..., "prior": [lo, hi]}');
    const info = typeof p.path === 'string' ? parameterInfo(p.path) : undefined;
    if (!info || (info.type !== 'number' && info.type !== 'integer'))
      return bad(`${field}.path`, p.path, 'a numeric scenario parameter (src/PARAMETERS.md)');
    if (seen.has(info.path)) bad(`${field}.path`, p.path, 'each parameter once');
    seen.add(info.path);
    const prior = p.prior;
    if (
      !Array.isArray(prior) ||
      prior.length !== 2 ||
      !prior.every(Number.isFinite) ||
      !((prior[0] as number) < (prior[1] as number))
    ) {
      bad(`${field}.prior`, prior, '[lo, hi]: two finite numbers, lo below hi');
    }
    for (const key of Object.keys(p))
      if (key !== 'path' && key !== 'prior') bad(`${field}.${key}`, p[key], 'no such field (path, prior)');
    return info;
  });
}

/** The particles: one per row, one value per parameter inside the schema's bounds (whole where it says). */
function checkParticles(particles: unknown, infos: readonly ParameterInfo[], bad: Bad): unknown[] {
  if (!Array.isArray(particles) || particles.length < 1 || particles.length > MAX_POSTERIOR_PARTICLES) {
    return bad(
      'particles',
      Array.isArray(particles) ? `${particles.length} particles` : particles,
      `a list of 1 to ${MAX_POSTERIOR_PARTICLES.toLocaleString('en-US')} particles`,
    );
  }
  particles.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== infos.length)
      bad(
        `particles[${i}]`,
        Array.isArray(row) ? `${row.length} values` : row,
        `a list of ${infos.length} numbers (one per parameter)`,
      );
    (row as unknown[]).forEach((x, j) => {
      const info = infos[j]!;
      const lo = info.minimum ?? -Infinity;
      const hi = info.maximum ?? Infinity;
      if (
        typeof x !== 'number' ||
        !Number.isFinite(x) ||
        x < lo ||
        x > hi ||
        (info.type === 'integer' && !Number.isInteger(x))
      ) {
        bad(
          `particles[${i}][${j}]`,
          x,
          `${info.type === 'integer' ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${info.path})`,
        );
      }
    });
  });
  return particles;
}

/** The weights: one per particle, finite, not negative, not all zero. */
function checkWeights(weights: unknown, particles: readonly unknown[], bad: Bad): void {
  if (!Array.isArray(weights) || weights.length !== particles.length)
    bad(
      'weights',
      Array.isArray(weights) ? `${weights.length} weights` : weights,
      `a list of ${particles.length} weights (one per particle)`,
    );
  let total = 0;
  (weights as unknown[]).forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) bad(`weights[${i}]`, w, 'a finite number of at least 0');
    total += w as number;
  });
  if (!(total > 0)) bad('weights', 'all 0', 'at least one weight above 0');
}

/**
 * Check a parsed posterior file. Throws a ScenarioError naming the field, the value and what is allowed:
 * the format and version, every parameter a numeric scenario parameter named once, every particle as long as
 * the parameters with finite values inside the schema's bounds (whole where it says), weights finite, not
 * negative, not all zero, one per particle.
 */
export function checkPosterior(raw: unknown, source: string): Posterior {
  const bad: Bad = (field, value, allowed) => {
    throw new ScenarioError(`${source}: ${field} = ${show(value)} is not allowed; expected ${allowed}`, field);
  };
  if (!isObject(raw)) return bad('posterior', raw, `a JSON object with "format": "${POSTERIOR_FORMAT}"`);
  if (raw.format !== POSTERIOR_FORMAT) bad('format', raw.format, `"${POSTERIOR_FORMAT}"`);
  if (raw.version !== POSTERIOR_VERSION)
    bad('version', raw.version, `${POSTERIOR_VERSION} (the version this orgsim reads)`);
  for (const key of Object.keys(raw)) {
    if (!['format', 'version', 'calibration', 'parameters', 'particles', 'weights'].includes(key))
      bad(key, raw[key], 'no such field (format, version, calibration, parameters, particles, weights)');
  }
  checkCalibration(raw.calibration, bad);
  const infos = checkParameters(raw.parameters, bad);
  const particles = checkParticles(raw.particles, infos, bad);
  checkWeights(raw.weights, particles, bad);
  return raw as unknown as Posterior;
}

/**
 * `n` particle indices drawn by systematic resampling (Kitagawa 1996): one uniform offset u, then the points
 * (k + u) / n, k = 0..n-1, on the weights' cumulative distribution. Particle i is drawn floor(n w_i) or
 * ceil(n w_i) times (w normalized), so n w_i in expectation: the sample keeps the joint posterior, whole
 * particles, with less noise than n independent draws.
 */
export function resampleSystematic(weights: readonly number[], n: number, u: number): number[] {
  let total = 0;
  for (const w of weights) total += w;
  const out: number[] = [];
  let i = 0;
  let cum = weights[0]! / total;
  for (let k = 0; k < n; k++) {
    const point = (k + u) / n;
    while (point >= cum && i < weights.length - 1) cum += weights[++i]! / total;
    out.push(i);
  }
  return out;
}

/** `n` organizations from the posterior: particle indices by systematic resampling, in a random order. */
export function posteriorDraws(p: Pick<Posterior, 'weights'>, n: number, rand: Uniform): number[] {
  const drawn = resampleSystematic(p.weights, n, rand());
  for (let i = drawn.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rand() * (i + 1)));
    [drawn[i], drawn[j]] = [drawn[j]!, drawn[i]!];
  }
  return drawn;
}
