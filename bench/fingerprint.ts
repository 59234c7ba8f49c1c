/**
 * `npx tsx bench/fingerprint.ts [--big]`: one SHA-256 per case over every series, the activity trace and the
 * per-agent table, at full size and length (the golden files cap both). Run it before and after a change
 * meant to leave results alone (a speed-up): the lines must be identical. `--big` adds enterprise-100k
 * (100 ticks) and two years of mid with three seeds.
 * Cases also interleave two simulations step by step, and intervene live, so that state shared between
 * simulations (a module-level buffer, say) would show.
 */
import { readScenario } from '../cli/scenarios.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/model/simulation.ts';
import { agentTable } from '../src/metrics/agents.ts';
import { digest } from '../test/digest.ts';

const big = process.argv.includes('--big');

function fingerprint(sim: Simulation): string {
  const parts: ArrayBufferView[] = [...sim.series];
  if (sim.trace) parts.push(sim.trace.state, sim.trace.open);
  parts.push(...agentTable(sim.world).map((c) => c.values));
  return digest(parts).slice(0, 16);
}

function load(name: string, sets: string[] = []): Scenario {
  return readScenario(name, sets).scenario;
}

const cases: [string, () => string[]][] = [
  [
    'small seeds 1-3',
    () =>
      [1, 2, 3].map((seed) => {
        const s = new Simulation(load('small'), seed, { trace: true });
        s.run();
        return fingerprint(s);
      }),
  ],
  [
    'baseline',
    () => {
      const s = new Simulation(load('baseline'), 1, { trace: true });
      s.run();
      return [fingerprint(s)];
    },
  ],
  ...[
    'c1-cm-relays',
    'c1-no-governance',
    'c2-smm-competes',
    'c3-smm-outsourced-codriving',
    'c5-cm-leads-experts',
    'c6-unclear-rules',
    'c7-star-campaign',
    'c8-cm-outsourced',
    'c9-former-emcee',
    'c10-routines',
  ].map((name): [string, () => string[]] => [
    name,
    () => {
      const sc = load(name);
      const s = new Simulation(sc, sc.seed);
      s.run();
      return [fingerprint(s)];
    },
  ]),
  [
    'interleaved small + claim-base',
    () => {
      const a = new Simulation(load('small'), 4);
      const b = new Simulation(load('claim-base'), 5);
      while (!a.done || !b.done) {
        if (!a.done) a.step();
        if (!b.done) b.step();
      }
      return [fingerprint(a), fingerprint(b)];
    },
  ],
  [
    'live intervention',
    () => {
      const s = new Simulation(load('mid', ['ticks=200']), 3);
      s.run(60);
      s.intervene({ 'smm.count': 6, 'policies.visibility': 0.5, 'cm.speakShare': 0.4 }, 'live');
      s.run(60);
      s.intervene({ 'smm.sourcing': 'outsourced', 'cm.present': false }, 'live 2');
      s.run();
      return [fingerprint(s)];
    },
  ],
  [
    'duplicates and merges',
    () => {
      const s = new Simulation(
        load('claim-base', [
          'communities.initialDuplicates=2',
          'communities.duplicateSpawnPerYear=2',
          'cm.present=true',
          'smm.count=1',
        ]),
        6,
      );
      s.run();
      return [fingerprint(s)];
    },
  ],
  [
    'mid 200 ticks',
    () => {
      const s = new Simulation(load('mid', ['ticks=200']), 1, { trace: true });
      s.run();
      return [fingerprint(s)];
    },
  ],
  ...(big
    ? [
        [
          'mid 2 years, seeds 1-3',
          () =>
            [1, 2, 3].map((seed) => {
              const s = new Simulation(load('mid'), seed);
              s.run();
              return fingerprint(s);
            }),
        ] as [string, () => string[]],
        [
          'enterprise-100k 100 ticks',
          () => {
            const s = new Simulation(load('enterprise-100k', ['ticks=100']), 1, { trace: true });
            s.run();
            return [fingerprint(s)];
          },
        ] as [string, () => string[]],
      ]
    : []),
];

for (const [name, f] of cases) process.stdout.write(`${name.padEnd(32)} ${f().join(' ')}\n`);
