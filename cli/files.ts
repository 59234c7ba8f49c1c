/**
 * Files: atomic writes, so that an output file is either the whole result or absent (never a half-written
 * CSV that a later analysis would take for a short run), and output paths checked before any work starts.
 *
 * A write goes to a temporary file beside its target (".<name>.<pid>.<12 hex>.tmp", same folder so that
 * the rename is atomic), then is renamed over it. Temporary files never outlive their process when it can
 * help it: they are removed on failure, on process.exit, and on SIGINT, SIGTERM and SIGHUP
 * (installInterruptCleanup); after a kill -9 or a power cut, the next command that writes the same target
 * (or into the same experiment folder) removes those of processes that are gone (removeStaleTemporaries).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  accessSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, extname, join, relative, isAbsolute, resolve } from 'node:path';
import { ScenarioError } from '../src/scenario/errors.ts';

/** What is at `path`, or undefined when nothing can be found there (missing, a link loop, a file in the way). */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A path as the user would like to read it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'ENOTDIR':
      return 'a folder in the path is a file';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Temporary files

/** The temporary files this process is writing: removed if it is interrupted or exits before the rename. */
const inProgress = new Set<string>();

export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Remove the temporary files this process has not renamed yet. Synchronous: safe in an 'exit' handler. */
export function removeOwnTemporaries(): void {
  for (const temp of inProgress) {
    try {
      unlinkSync(temp);
    } catch {
      /* gone already */
    }
  }
  inProgress.clear();
}

process.on('exit', removeOwnTemporaries);

/** 128 + the signal number: what a shell reports for a program stopped by that signal. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
let cleanupInstalled = false;

/**
 * For the command line's process: on SIGINT, SIGTERM or SIGHUP, remove the temporary files being written
 * and exit with 128 + the signal number, saying so in one line. A command that stops gracefully on a
 * signal (a sweep) adds its own listener; this one then stands back.
 */
export function installInterruptCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      const removed = inProgress.size;
      removeOwnTemporaries();
      process.stderr.write(`\norgsim: stopped (${signal})${removed ? '; the unfinished output was removed' : ''}\n`);
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'; // exists, owned by someone else
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Remove the temporary files left in `dir` by orgsim processes that are gone (killed between writing and
 * renaming): those of the targets named in `targets`, or of any target when `targets` is 'any' (a folder
 * orgsim owns: an experiment's). Files of processes still alive are kept: they may be writing.
 */
export function removeStaleTemporaries(dir: string, targets: readonly string[] | 'any'): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const name = targets === 'any' ? '.+' : `(?:${targets.map(escapeRegExp).join('|')})`;
  const pattern = new RegExp(`^\\.${name}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`);
  let removed = 0;
  for (const entry of names) {
    const pid = pattern.exec(entry)?.[1];
    if (pid === undefined || alive(Number(pid))) continue;
    try {
      // Only files: never follow a link or descend into a folder that happens to match.
      if (!lstatSync(join(dir, entry)).isFile()) continue;
      unlinkSync(join(dir, entry));
      removed++;
    } catch {
      /* gone already */
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------------------
// Output paths

/**
 * mkdir -p, one level at a time. Not mkdirSync(dir, { recursive: true }): under /proc, where a folder
 * cannot be created and the parent exists, Node 20's recursive mkdir loops forever.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by another process of the same experiment (shards starting together): fine.
      if ((e as { code?: string }).code !== 'EEXIST' || !statOrUndefined(d)?.isDirectory()) throw e;
    }
  }
}

export type OutFormat = 'csv' | 'json';

/**
 * Where a path leads once its symbolic links are followed: the real path of its deepest existing folder,
 * then the rest as written. Two outputs that lead to the same place are the same output.
 */
export function realTarget(path: string): string {
  const rest: string[] = [];
  let d = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(d), ...rest.reverse());
    } catch {
      const up = dirname(d);
      if (up === d) return join(d, ...rest.reverse());
      rest.push(basename(d));
      d = up;
    }
  }
}

/** The system's device and process folders: an output there writes into the system, not into a file. */
export const SYSTEM_FOLDERS: readonly string[] = ['/dev', '/proc', '/sys'];

/**
 * Refuse an output path in (or, through links, leading into) /dev, /proc or /sys, whoever runs: as root,
 * `--out /dev/null.csv` would make a regular file among the devices.
 */
export function checkNotSystem(path: string, option: string): void {
  const inside = (p: string) => SYSTEM_FOLDERS.find((f) => p === f || p.startsWith(`${f}/`));
  const folder = inside(resolve(path)) ?? inside(realTarget(path));
  if (folder)
    throw new ScenarioError(
      `${option} ${path}: ${folder} holds the system's ` +
        `${folder === '/dev' ? 'devices' : folder === '/proc' ? 'processes' : 'kernel objects'}, not results; ` +
        `choose a path elsewhere`,
    );
}

/**
 * Refuse two outputs of one command that name the same file (through links too), or an output that names
 * one of its inputs: the second write would silently replace the first. Checked before anything runs.
 */
export function checkDistinctOutputs(
  outputs: readonly { option: string; path: string | undefined }[],
  inputs: readonly { what: string; path: string }[] = [],
): void {
  const given = outputs.filter((o): o is { option: string; path: string } => o.path !== undefined);
  for (let i = 0; i < given.length; i++) {
    const a = given[i]!;
    const real = realTarget(a.path);
    for (const b of given.slice(0, i)) {
      if (realTarget(b.path) === real)
        throw new ScenarioError(
          `${b.option} ${b.path} and ${a.option} ${a.path} name the same file: one would replace the other; ` +
            `give each output its own name (nothing was run)`,
        );
    }
    for (const input of inputs) {
      if (realTarget(input.path) === real)
        throw new ScenarioError(
          `${a.option} ${a.path} is ${input.what} (${displayPath(input.path)}): writing it would replace it; ` +
            `choose another name (nothing was run)`,
        );
    }
  }
}

/**
 * Whether files can be created in `dir`: a real attempt (create, then remove, a temporary file), because
 * permission bits do not tell (root writes anywhere they allow, not on /proc or a read-only mount).
 */
export function probeWritable(dir: string): string | undefined {
  const probe = join(dir, `.orgsim-probe.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT' ? 'it does not accept new files' : reason(e);
  }
}

/**
 * Check an --out path before any work starts: known extension, existing folder where files can be
 * created, and, if the target exists, a regular file that is not read-only. Removes the temporary files
 * that killed runs left for this target.
 */
export function checkOutPath(path: string, option = '--out'): OutFormat {
  checkNotSystem(path, option);
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    throw new ScenarioError(`${option} ${path}: the file name must end in .csv or .json${ext ? `, not ${ext}` : ''}`);
  }
  const dir = dirname(path);
  const isDir = statOrUndefined(dir)?.isDirectory() ?? false;
  if (!isDir) throw new ScenarioError(`${option} ${path}: the folder ${dir} does not exist`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new ScenarioError(`${option} ${path}: the folder ${dir} is not writable`);
  }
  const target = statOrUndefined(path);
  if (target?.isDirectory()) throw new ScenarioError(`${option} ${path}: is a folder, not a file`);
  if (target && !target.isFile())
    throw new ScenarioError(
      `${option} ${path}: is not a regular file (a device, a pipe or a socket); choose a file name`,
    );
  if (target && (!(target.mode & 0o200) || !writable(path))) {
    throw new ScenarioError(
      `${option} ${path}: the file is read-only; make it writable (chmod u+w) to replace it, or choose another name`,
    );
  }
  const why = probeWritable(dir);
  if (why) throw new ScenarioError(`${option} ${path}: cannot create files in ${dir}: ${why}`);
  removeStaleTemporaries(dir, [basename(path)]);
  return ext === '.csv' ? 'csv' : 'json';
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Atomic writes

function writeAll(fd: number, chunk: string): number {
  const buf = Buffer.from(chunk, 'utf8');
  // writeSync may write less than asked (rare on files, possible on a full disk): loop to the end.
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
  return buf.length;
}

function fail(e: unknown, path: string, temp: string, fd: number | undefined): never {
  if (fd !== undefined) {
    try {
      closeSync(fd);
    } catch {
      /* already failing: report the first error */
    }
  }
  try {
    unlinkSync(temp);
  } catch {
    /* never created */
  }
  inProgress.delete(temp);
  // A file-system refusal (full disk, permissions) is reported as such; anything else is a bug.
  if (typeof (e as { code?: unknown }).code === 'string')
    throw new ScenarioError(`cannot write ${displayPath(path)}: ${reason(e)}`);
  throw e;
}

function finish(fd: number, temp: string, path: string): void {
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, path);
  inProgress.delete(temp);
}

/**
 * Write chunks to `path` atomically: into a temporary file in the same folder, flushed to disk, then
 * renamed over the target. On any failure the temporary file is removed and the target is left as it
 * was. Synchronous: for small files (parts, manifests); large outputs use writeAtomicAsync, which lets a
 * Ctrl-C through.
 */
export function writeAtomic(path: string, chunks: Iterable<string>): number {
  const temp = temporaryPath(path);
  let fd: number | undefined;
  let bytes = 0;
  try {
    inProgress.add(temp);
    fd = openSync(temp, 'wx');
    for (const chunk of chunks) bytes += writeAll(fd, chunk);
    finish(fd, temp, path);
    return bytes;
  } catch (e) {
    return fail(e, path, temp, fd);
  }
}

/**
 * writeAtomic for large outputs: it yields to the event loop every few megabytes, so that SIGINT and
 * SIGTERM are handled while it writes (the handler removes the temporary file and exits) instead of
 * after a 2 GB write.
 */
export async function writeAtomicAsync(path: string, chunks: Iterable<string>): Promise<number> {
  const temp = temporaryPath(path);
  let fd: number | undefined;
  let bytes = 0;
  try {
    inProgress.add(temp);
    fd = openSync(temp, 'wx');
    let sinceYield = 0;
    for (const chunk of chunks) {
      const n = writeAll(fd, chunk);
      bytes += n;
      sinceYield += n;
      if (sinceYield >= 4 << 20) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    finish(fd, temp, path);
    return bytes;
  } catch (e) {
    return fail(e, path, temp, fd);
  }
}
