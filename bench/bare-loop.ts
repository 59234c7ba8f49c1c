/**
 * The floor under the model's hot loop: per iteration, typed-array reads through a membership -> agent index,
 * one Math.exp, one seedrandom Alea draw and one write; nothing else. Its time per iteration is about the
 * least a decision can cost, so the model's time reads against it.
 */
import seedrandom from 'seedrandom';

export function bareLoop(memberships: number, agents: number, passes: number): { iterations: number; ms: number } {
  const setup = seedrandom.alea('bench:setup');
  const memberAgent = new Int32Array(memberships);
  const engagement = new Float64Array(memberships);
  const agentTerm = new Float64Array(agents);
  const riskAversion = new Float64Array(agents);
  for (let m = 0; m < memberships; m++) memberAgent[m] = Math.floor(setup() * agents);
  // Memberships are sorted by group, agents are not: the index makes reads scattered, as in the model.
  for (let i = 0; i < agents; i++) {
    agentTerm[i] = setup() - 0.5;
    riskAversion[i] = setup();
  }
  const rand = seedrandom.alea('bench:draws');
  let taking = 0;
  const t0 = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (let m = 0; m < memberships; m++) {
      const i = memberAgent[m]!;
      const e = engagement[m]!;
      const p = 1 / (1 + Math.exp(-(agentTerm[i]! + e - riskAversion[i]! * 0.5)));
      if (rand() < p) {
        taking++;
        engagement[m] = e + 0.01;
      } else engagement[m] = e * 0.99;
    }
  }
  const ms = performance.now() - t0;
  if (taking < 0) throw new Error('unreachable'); // keeps the loop's result alive
  return { iterations: memberships * passes, ms };
}
