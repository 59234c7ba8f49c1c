/**
 * What a folder holds, to compare before and after a hostile case: every entry by its path, with the digest
 * of a regular file's bytes, or its kind (folder, link and where it points, pipe...). Links are not followed.
 * A refusal leaves existing files unchanged and adds none: the snapshots are equal.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const key = rel ? `${rel}/${name}` : name;
      const st = lstatSync(path);
      if (st.isDirectory()) {
        out[key] = 'folder';
        walk(path, key);
      } else if (st.isSymbolicLink()) out[key] = `link to ${readlinkSync(path)}`;
      else if (st.isFile())
        out[key] =
          `file ${createHash('sha256').update(readFileSync(path)).digest('hex')} mode ${(st.mode & 0o777).toString(8)}`;
      else out[key] = st.isFIFO() ? 'pipe' : 'special';
    }
  };
  walk(dir, '');
  return out;
}
