/**
 * Limits on untrusted JSON, checked on the text before it is parsed: the parser, zod, deepMerge,
 * structuredClone and JSON.stringify all recurse, and a file of a million nested brackets would end in
 * "Maximum call stack size exceeded" in one of them. Pure (no Node, no DOM): the CLI's reader and the
 * page run the same check.
 */
import { ScenarioError } from './errors.ts';

/**
 * The deepest nesting any orgsim file needs is 6 (a sweep manifest holding a scenario's Beta shape); 64
 * leaves room for hand-written files and stays far below any recursion limit.
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** Line and column (from 1) of a position in a text, for messages. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: pos - start + 1 };
}

/**
 * The position where `text` first nests deeper than `max` arrays and objects, or -1. One pass, no
 * recursion; brackets inside strings do not count. Syntax is left to the parser.
 */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return i;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return -1;
}

/** Throws a ScenarioError naming where `text` nests deeper than `max` levels. */
export function checkJsonDepth(text: string, source: string, max = MAX_JSON_DEPTH): void {
  const at = tooDeepAt(text, max);
  if (at < 0) return;
  const { line, column } = lineColumn(text, at);
  throw new ScenarioError(
    `${source}: nested deeper than ${max} levels at line ${line}, column ${column}; expected at most ${max} ` +
      `levels of [ ] and { }`,
  );
}

/** Parse JSON, with the line and column of a syntax error; any JSON value; nesting is limited (checkJsonDepth). */
export function parseJsonValue(text: string, source: string): unknown {
  checkJsonDepth(text, source);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = '';
    if (m) {
      const { line, column } = lineColumn(text, Number(m[1]));
      where = ` at line ${line}, column ${column}`;
    }
    throw new ScenarioError(`${source}: not valid JSON${where}: ${jsonReason(msg)}`);
  }
}

function jsonReason(message: string): string {
  const reason = message
    .split('\n')[0]!
    .replace(/^SyntaxError: /, '')
    .replace(/\s*in JSON at position \d+.*$/, '')
    .replace(/,\s*".*$/, '');
  return reason.length > 80 ? `${reason.slice(0, 77)}...` : reason;
}
