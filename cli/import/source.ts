/**
 * An export as a set of named files, whether it is a folder or a .zip: its file names (paths with "/"), and
 * each file as a stream. A zip is read at random (yauzl reads its central directory first), so the users file
 * is read before the messages whatever their order in the archive, and no file is unpacked to disk.
 */
import { createReadStream, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { displayPath } from '../files.ts';

export interface ExportSource {
  /** What the user gave, as it is shown in messages. */
  readonly shown: string;
  readonly kind: 'folder' | 'zip';
  /** File paths inside the export ("users.json", "general/2024-01-02.json"), in a stable order. */
  readonly files: readonly string[];
  /** The uncompressed size of a file, in bytes. */
  size(file: string): number;
  open(file: string): Promise<Readable>;
  close(): void;
}

/** More files than this is not an export of a network (a Slack export has one file per channel per day). */
export const MAX_FILES = 5_000_000;

function folderSource(root: string): ExportSource {
  const files: string[] = [];
  const sizes = new Map<string, number>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = lstatSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) {
        const rel = relative(root, path).split(sep).join('/');
        files.push(rel);
        sizes.set(rel, st.size);
        if (files.length > MAX_FILES)
          throw new ScenarioError(
            `${displayPath(root)}: more than ${MAX_FILES.toLocaleString('en-US')} files; an export has far fewer`,
          );
      }
    }
  };
  walk(root);
  return {
    shown: displayPath(root),
    kind: 'folder',
    files,
    size: (f) => sizes.get(f) ?? 0,
    open: async (f) => createReadStream(join(root, ...f.split('/'))),
    close: () => {},
  };
}

const openZip = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
      (err, zip) => (err ? reject(err) : resolve(zip!)),
    ),
  );

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) entries.push(e);
      if (entries.length > MAX_FILES) return reject(new Error(`more than ${MAX_FILES} files`));
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** What went wrong with a zip, for the user: yauzl's messages are for developers. */
export function zipProblem(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (
    new RegExp(
      `end of central directory|central directory|invalid relative offset|unexpected ` +
        `EOF|truncated|too few bytes|invalid local file header`,
      'i',
    ).test(m)
  ) {
    return 'not a complete zip file (it ends early or its index is damaged: was the download cut short?)';
  }
  if (
    new RegExp(
      `invalid stored block lengths|invalid distance|incorrect header check|invalid block ` +
        `type|unexpected end of file|bytes read`,
      'i',
    ).test(m)
  ) {
    return 'a file in the zip is damaged (it does not unpack to what the zip says)';
  }
  if (/encrypted/i.test(m)) return 'the zip is encrypted; unpack it with its password first';
  return `not a readable zip file (${m})`;
}

async function zipSource(path: string): Promise<ExportSource> {
  const shown = displayPath(path);
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(path);
    entries = await readEntries(zip);
  } catch (e) {
    throw new ScenarioError(`${shown}: ${zipProblem(e)}`);
  }
  const byName = new Map<string, yauzl.Entry>();
  for (const e of entries) {
    const name = e.fileName.replace(/\\/g, '/').replace(/^\.?\/+/, '');
    if (name.split('/').includes('..')) continue; // never a path out of the export
    byName.set(name, e);
  }
  const files = [...byName.keys()].sort();
  return {
    shown,
    kind: 'zip',
    files,
    size: (f) => byName.get(f)?.uncompressedSize ?? 0,
    open: (f) =>
      new Promise<Readable>((resolve, reject) => {
        zip.openReadStream(byName.get(f)!, (err, stream) =>
          err ? reject(new ScenarioError(`${shown}: ${f}: ${zipProblem(err)}`)) : resolve(stream!),
        );
      }),
    close: () => zip.close(),
  };
}

/** The export at `path`: a folder, or a .zip file. */
export async function openExport(path: string): Promise<ExportSource> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ScenarioError(`${displayPath(path)}: no such file or folder; expected an export: its folder or its .zip`);
  }
  if (st.isDirectory()) return folderSource(path);
  if (st.isFile()) return zipSource(path);
  throw new ScenarioError(`${displayPath(path)}: not a file or a folder; expected an export: its folder or its .zip`);
}

/** Re-throw a stream error of a file of the export as one line naming the file. */
export function fileProblem(source: ExportSource, file: string, e: unknown): ScenarioError {
  if (e instanceof ScenarioError) return e;
  if (source.kind === 'zip') return new ScenarioError(`${source.shown}: ${file}: ${zipProblem(e)}`);
  const code = (e as { code?: string }).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'it is gone (removed while it was read?)'
        : code === 'EISDIR'
          ? 'a folder, not a file'
          : e instanceof Error
            ? e.message
            : String(e);
  return new ScenarioError(`${source.shown}: ${file}: cannot be read: ${why}`);
}
