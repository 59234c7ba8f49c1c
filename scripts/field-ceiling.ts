/**
 * Does any shipped scenario take a calibrated organization past the best published networks (more than 40% of
 * employees contributing in a month: KFC, SWOOP 2018)? Prints every shipped scenario at each size, and exits 1
 * when one does.
 *
 *   npx tsx scripts/field-ceiling.ts [--sizes 200,2000,20000] [--runs 4] [--workers N]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FIELD_BENCHMARK, pastTheBest } from '../src/claims-field.ts';
import { ceilingCheck, shippedScenarios } from '../cli/field-ceiling.ts';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { sizes: { type: 'string' }, runs: { type: 'string' }, workers: { type: 'string' } },
  });
  const sizes = (values.sizes ?? '200,2000').split(',').map(Number);
  const runs = Number(values.runs ?? 4);
  const workers = Number(values.workers ?? 1);
  if (
    sizes.some((n) => !Number.isInteger(n) || n < 50 || n > 200_000) ||
    !Number.isInteger(runs) ||
    runs < 2 ||
    !Number.isInteger(workers) ||
    workers < 1
  ) {
    console.error('usage: npx tsx scripts/field-ceiling.ts [--sizes 200,2000] [--runs 4 (at least 2)] [--workers N]');
    return 2;
  }
  const rows = await ceilingCheck(shippedScenarios(), sizes, runs, workers);
  console.log('scenario,employees,runs,monthly_contributors,ci_lo,ci_hi,posts_per_employee_month,above_best');
  for (const r of rows)
    console.log(
      [
        r.scenario,
        r.employees,
        r.runs,
        r.contributors.toFixed(4),
        r.lo.toFixed(4),
        r.hi.toFixed(4),
        r.posts.toFixed(3),
        r.above,
      ].join(','),
    );
  const past = pastTheBest(rows);
  const top = rows.reduce((a, b) => (b.contributors > a.contributors ? b : a));
  console.error(
    past.length
      ? `${past.length} scenario-size pair(s) above the best published network ` +
          `(${FIELD_BENCHMARK.best * 100}%): ` +
          `${past.map((r) => `${r.scenario} at ${r.employees}: ${(r.contributors * 100).toFixed(1)}%`).join('; ')}`
      : `none above the best published network (${FIELD_BENCHMARK.best * 100}%); the highest: ${top.scenario} ` +
          `at ${top.employees} employees, ${(top.contributors * 100).toFixed(1)}%`,
  );
  return past.length ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
