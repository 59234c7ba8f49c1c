/**
 * Writes a finished calibration's point estimate into the schema's defaults (the section files of
 * src/scenario/schema/), to 4 significant digits, for every fitted parameter whose source there is "calibrated";
 * then regenerate PARAMETERS.md (scripts/parameters-doc.ts).
 * Usage: npx tsx scripts/apply-calibration.ts calibration/mid
 *
 * A field is found by its name in either shape the formatter gives it: on one line,
 *   `  key: num(0.5, 0, 1, beh({ ..., source: CALIBRATED })),`
 * or wrapped, with the default on the line after `  key: num(` and the source further down, before the next field.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/apply-calibration.ts <calibration folder>\n');
  process.exit(2);
}
const fitted = JSON.parse(readFileSync(join(dir, 'fitted.json'), 'utf8')) as {
  parameters: { path: string; value: number }[];
};
const folder = fileURLToPath(new URL('../src/scenario/schema/', import.meta.url));
const files = new Map<string, string>();
for (const name of readdirSync(folder)
  .filter((n) => n.endsWith('.ts'))
  .sort()) {
  files.set(name, readFileSync(join(folder, name), 'utf8'));
}

/** `  key: num(` then the default, then anything up to `source: CALIBRATED` that does not cross into another field. */
function calibratedField(key: string): RegExp {
  return new RegExp(
    `^(  ${key}: num\\(\\s*)([-0-9.e]+)(,(?:(?!^  [A-Za-z_$][\\w$]*: )[\\s\\S])*?source: CALIBRATED)`,
    'gm',
  );
}

const changed = new Set<string>();
for (const { path, value } of fitted.parameters) {
  const key = path.split('.').pop()!;
  const found = [...files].filter(([, text]) => text.match(calibratedField(key)));
  const count = found.reduce((n, [, text]) => n + (text.match(calibratedField(key)) ?? []).length, 0);
  if (count !== 1) throw new Error(`${path}: ${count} calibrated fields named ${key} in src/scenario/schema/`);
  const [name, text] = found[0]!;
  const rounded = Number(value.toPrecision(4));
  files.set(name, text.replace(calibratedField(key), `$1${rounded}$3`));
  changed.add(name);
  process.stdout.write(`${path} = ${rounded}\n`);
}
for (const name of changed) writeFileSync(join(folder, name), files.get(name)!);
