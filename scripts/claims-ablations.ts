/**
 * Per claim at one size: the claim as it is, with its premise at its neutral value, and under each ablation, on
 * common seeds (the same test as orgsim claims), with employees' posts per month in each arm. How the note of
 * issue 20 measured what carries each claim.
 *
 *   SIZE=2000 RUNS=10 npx tsx scripts/claims-ablations.ts [C1 C2 ...]
 */
import { readScenario } from '../cli/scenarios.ts';
import { seedList } from '../src/rng.ts';
import { runEnsemble } from '../workers/pool.ts';
import { atSize } from '../src/scenario/scale.ts';
import { withParameter } from '../src/scenario/load.ts';
import { CLAIMS, claimMeasures, evaluateMeasures } from '../src/claims.ts';
import { statistic } from '../src/metrics/statistics.ts';
const size = Number(process.env.SIZE ?? 2000);
const runs = Number(process.env.RUNS ?? 10);
const ids = process.argv.slice(2);
const seeds = seedList(2026, runs);
for (const claim of CLAIMS.filter((c) => !ids.length || ids.includes(c.id))) {
  const variants: [string, Record<string, unknown>][] = [['as is', {}]];
  if (claim.premise && Object.keys(claim.premise.neutral).length)
    variants.push(['premise neutral', claim.premise.neutral]);
  for (const a of claim.ablations) variants.push([`ablation: ${a.label}`, a.set]);
  for (const [label, set] of variants) {
    const measures: Record<string, number[][]> = {};
    const field: string[] = [];
    for (const arm of claim.arms) {
      let s = atSize(readScenario(arm).scenario, size);
      for (const [k, v] of Object.entries(set)) s = withParameter(s, k, v);
      const outs = await runEnsemble(s, seeds, { workers: 2 });
      measures[arm] = outs.map((r) => claimMeasures(claim, r));
      if (label === 'as is') {
        const mp = outs.map((r) =>
          statistic(
            { ticks: r.ticks, series: r.series, world: { employees: s.organization.employees } as never, trace: null },
            'monthlyPosts',
            -125,
            0,
          ),
        );
        field.push(`${arm}: posts/employee/month ${(mp.reduce((a, b) => a + b) / mp.length).toFixed(2)}`);
      }
    }
    const res = evaluateMeasures(claim, measures);
    const pct = (x: number) => (x * 100).toFixed(1);
    const results = res.map(
      (r) => `${r.passed ? 'pass' : 'FAIL'} ${r.label}: ${pct(r.estimate)}% [${pct(r.lo)}, ${pct(r.hi)}]`,
    );
    console.log(`${claim.id} @${size} [${label}] ${results.join(' | ')}`);
    if (field.length) console.log(`   ${field.join('; ')}`);
  }
}
process.exit(0);
