/**
 * Files: reading with user-readable failures, and atomic writes, so that an output file is either the
 * whole result or absent (never a half-written CSV that a later analysis would take for a short run).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, accessSync, constants } from 'node:fs';
import { basename, dirname, extname, join, relative, isAbsolute } from 'node:path';
import { ScenarioError } from '../scenario/errors.ts';

/** A path as the user would like to read it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'it is a directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a folder in the path is a file';
    default: return e instanceof Error ? e.message : String(e);
  }
}

export type OutFormat = 'csv' | 'json';

/** Check an --out path before any work starts: known extension, existing writable folder, not a folder. */
export function checkOutPath(path: string): OutFormat {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    throw new ScenarioError(`--out ${path}: the file name must end in .csv or .json${ext ? `, not ${ext}` : ''}`);
  }
  const dir = dirname(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new ScenarioError(`--out ${path}: the folder ${dir} does not exist`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new ScenarioError(`--out ${path}: the folder ${dir} is not writable`);
  }
  try {
    if (statSync(path).isDirectory()) throw new ScenarioError(`--out ${path}: is a folder, not a file`);
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
  }
  return ext === '.csv' ? 'csv' : 'json';
}

/**
 * Write chunks to `path` atomically: into a temporary file in the same folder (so the rename stays on one
 * file system and is atomic), flushed to disk, then renamed over the target. On any failure the temporary
 * file is removed and the target is left as it was. Synchronous on purpose: no signal handler or other
 * task can run between the last write and the rename.
 */
export function writeAtomic(path: string, chunks: Iterable<string>): number {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let bytes = 0;
  try {
    fd = openSync(temp, 'wx');
    for (const chunk of chunks) {
      const buf = Buffer.from(chunk, 'utf8');
      // writeSync may write less than asked (rare on files, possible on a full disk): loop to the end.
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      bytes += buf.length;
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
    return bytes;
  } catch (e) {
    if (fd !== undefined) {
      try { closeSync(fd); } catch { /* already failing: report the first error */ }
    }
    try { unlinkSync(temp); } catch { /* never created */ }
    // A file-system refusal (full disk, permissions) is reported as such; anything else is a bug.
    if (typeof (e as { code?: unknown }).code === 'string') throw new ScenarioError(`cannot write ${displayPath(path)}: ${reason(e)}`);
    throw e;
  }
}
