/**
 * Writes a finished calibration's point estimate into the schema's defaults (src/scenario/schema.ts), to 4
 * significant digits, for every fitted parameter whose source there is "calibrated"; then regenerate
 * PARAMETERS.md (scripts/parameters-doc.ts). Usage: npx tsx scripts/apply-calibration.ts calibration/mid
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/apply-calibration.ts <calibration folder>\n');
  process.exit(2);
}
const fitted = JSON.parse(readFileSync(join(dir, 'fitted.json'), 'utf8')) as {
  parameters: { path: string; value: number }[];
};
const file = new URL('../src/scenario/schema.ts', import.meta.url);
let schema = readFileSync(file, 'utf8');
for (const { path, value } of fitted.parameters) {
  const key = path.split('.').pop()!;
  const line = new RegExp(`^(  ${key}: num\\()([-0-9.e]+)(, .*source: CALIBRATED.*)$`, 'm');
  const matches = schema.match(new RegExp(line.source, 'gm')) ?? [];
  if (matches.length !== 1) throw new Error(`${path}: ${matches.length} calibrated lines named ${key} in the schema`);
  const rounded = Number(value.toPrecision(4));
  schema = schema.replace(line, `$1${rounded}$3`);
  process.stdout.write(`${path} = ${rounded}\n`);
}
writeFileSync(file, schema);
