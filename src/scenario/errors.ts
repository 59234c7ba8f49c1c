/** A user mistake in a scenario or a command: one clear message, never a stack trace. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    /** Field path (dot notation) when the mistake is about one field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** A name from a file in a message: at most `max` characters (a key can be a megabyte long). */
export function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

const NON_FINITE = '\u0000nonfinite:';

/** Numbers JSON cannot hold (Infinity from 1e999, NaN) keep their name instead of becoming null. */
function keepNonFinite(_key: string, x: unknown): unknown {
  return typeof x === 'number' && !Number.isFinite(x) ? `${NON_FINITE}${x}` : x;
}

/** Render a value for an error message, short and safe. */
export function show(value: unknown): string {
  let s: string;
  try {
    if (typeof value === 'number') s = Object.is(value, -0) ? '-0' : String(value);
    else s = JSON.stringify(value, keepNonFinite)?.replace(/"\\u0000nonfinite:([^"]*)"/g, '$1') ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
