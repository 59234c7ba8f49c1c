/**
 * The one reader of everything the command line takes from files: scenario files and their `extends`,
 * story files, sweep manifests and part files, runs.csv and indices.csv for a report, and whatever later
 * reads (calibration targets, claim-audit folders). Files travel between people, so every read is bounded:
 *
 * - only regular files: a named pipe, a device (/dev/zero, /dev/stdin), a socket or a folder is refused.
 *   The file is opened without blocking (O_NONBLOCK), then checked on the open descriptor, so that a pipe
 *   swapped in after a check cannot hang the open;
 * - a size limit per kind of file, checked before reading and while reading (a file that grows, or /proc
 *   files that report size 0);
 * - a time limit, checked between chunks (a slow network disk): a read that takes longer is abandoned;
 * - JSON: a nesting limit checked on the text before parsing (src/scenario/json.ts), so that nothing
 *   recursive meets a million nested brackets.
 *
 * Each refusal is one ScenarioError line (exit 2) naming the file, what is wrong and what is allowed.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../src/scenario/errors.ts';
import { parseJsonValue } from '../src/scenario/json.ts';
import { displayPath } from './files.ts';
import { formatBytes } from './limits.ts';

const MB = 2 ** 20;

/** A kind of input: how it is named in messages, and its limits. */
export interface InputKind {
  /** "scenario file", "sweep manifest"... */
  what: string;
  maxBytes: number;
  /** Reading must end within this time (default 30 s). */
  timeoutMs?: number;
}

/**
 * The kinds of input and their limits. Scenario and story files have the page's limit (5 MB: 10,000
 * interventions fit in 2 MB). Sweep files scale with the experiment: a manifest of 1,000,000 points, a
 * part holding 100,000 ticks of every series (--per-tick), a runs.csv of 1,000,000 rows.
 */
export const INPUTS = {
  scenario: { what: 'scenario file', maxBytes: 5 * MB },
  story: { what: 'story file', maxBytes: 5 * MB },
  targets: { what: 'calibration target file', maxBytes: 5 * MB },
  audit: { what: 'claim-audit file', maxBytes: 64 * MB },
  posterior: { what: 'posterior file', maxBytes: 64 * MB },
  manifest: { what: 'sweep manifest', maxBytes: 256 * MB },
  part: { what: 'sweep part file', maxBytes: 256 * MB },
  csv: { what: 'results file', maxBytes: 256 * MB },
} as const satisfies Record<string, InputKind>;

export const DEFAULT_TIMEOUT_MS = 30_000;
const CHUNK = 1 << 16;

/** What a file is, in words, when it is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function openError(e: unknown): string {
  switch ((e as { code?: string }).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a folder in the path is a file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ENXIO':
      return 'a device or socket with nothing behind it';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

export interface ReadOptions {
  /** How a refusal begins, instead of "cannot read <path>" (e.g. "a.json: extends: cannot read"). */
  context?: string;
  /** Overrides the kind's time limit (tests). */
  timeoutMs?: number;
  /** When the file (or a folder in its path) does not exist, return undefined instead of refusing. */
  optional?: boolean;
}

export function readInput(path: string, kind: InputKind, opts: ReadOptions & { optional: true }): string | undefined;
export function readInput(path: string, kind: InputKind, opts?: ReadOptions): string;
/** The text (UTF-8) of a regular file within the kind's limits, or a ScenarioError naming it. */
export function readInput(path: string, kind: InputKind, opts: ReadOptions = {}): string | undefined {
  const shown = displayPath(path);
  const refuse = (why: string) => new ScenarioError(`${opts.context ?? 'cannot read'} ${shown}: ${why}`);
  const timeout = opts.timeoutMs ?? kind.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const start = performance.now();
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (opts.optional && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
    throw refuse(openError(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw refuse(`${kindOf(st)}, not a regular file; a ${kind.what} is read from a regular file`);
    const limit = `the limit for a ${kind.what} is ${formatBytes(kind.maxBytes)}`;
    if (st.size > kind.maxBytes) throw refuse(`${formatBytes(st.size)} is too large; ${limit}`);
    // Read to the end, not to st.size: /proc files say 0, and a file can grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, kind.maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as { code?: string }).code === 'EAGAIN')
          throw refuse('the file is not ready to be read (a device or a special file system)');
        throw refuse(openError(e));
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > kind.maxBytes) throw refuse(`more than ${formatBytes(kind.maxBytes)}; ${limit}`);
      if (performance.now() - start > timeout)
        throw refuse(`reading took more than ${timeout / 1000} s (a slow or stalled disk?); nothing was used`);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A JSON file: read within limits, nesting checked, parsed (a syntax error gives its line and column). */
export function readJson(path: string, kind: InputKind, opts: ReadOptions = {}): unknown {
  const text = readInput(path, kind, opts);
  return parseJsonText(text, displayPath(path));
}

/** JSON text from a file, nesting checked first (one parser for every input: src/scenario/json.ts). */
export const parseJsonText = parseJsonValue;

/**
 * The regular files of a folder given as input (a claim-audit folder, say), sorted by name, each to be
 * read with readInput: a path that is not a folder, or a folder of more than `maxFiles` entries, is refused
 * in one line; links, pipes and sub-folders are left out.
 */
export function listInputs(dir: string, what: string, opts: { ext?: string; maxFiles?: number } = {}): string[] {
  const maxFiles = opts.maxFiles ?? 10_000;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOTDIR' ? 'a file, not a folder' : openError(e);
    throw new ScenarioError(`cannot read ${displayPath(dir)}: ${why}; ${what} is a folder`);
  }
  if (names.length > maxFiles)
    throw new ScenarioError(`${displayPath(dir)}: ${names.length} entries; ${what} holds at most ${maxFiles}`);
  return names
    .filter((n) => (opts.ext ? n.endsWith(opts.ext) : true))
    .sort()
    .map((n) => join(dir, n))
    .filter((p) => {
      try {
        return lstatSync(p).isFile();
      } catch {
        return false;
      }
    });
}
