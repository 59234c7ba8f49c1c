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

/** Render a value for an error message, short and safe. */
export function show(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
