/**
 * The model's workarounds for V8's optimizing compiler, in one place, each with what it buys. None changes a
 * result; each keeps code compiled for the first Simulation of a process valid for the next ones (a deoptimized
 * phase is compiled again, run after run: the bench's "re-warming" table shows it) or keeps a loop from boxing
 * numbers. Elsewhere the model refers here rather than repeating the reason.
 *
 * 1. FRACTION: V8 gives an object field the representation of the first value stored in it. A field first set
 *    to 0 holds small integers, and the first fraction stored there changes the object's hidden class, which
 *    deoptimizes the code compiled against it at the next Simulation. Fields that will hold fractions are first
 *    set to FRACTION, then to their value (state.ts: Org, StaffMember; decide.ts: DecisionRule).
 * 2. share(): one function for the recorder's ratios, called here at load with fractional results, so that its
 *    feedback is fractional from the start: a division of counts that gave whole numbers in the first ticks
 *    (0 / n, n / n) would otherwise be compiled for whole numbers, deoptimized at the first fraction, and the
 *    recorder compiled again in the next Simulation.
 * 3. nextOutsider() (membership.ts's walk along a community's candidates), called here at load so that V8
 *    compiles the walk too: the walk is rare and, first taken late in a run, would deoptimize the joining phase.
 *    (V8 keeps what a function has seen only once it has been called a few times: hence 16 calls.)
 * 4. State as class instances whose constructors set every field, never object literals (world.ts: WorldData;
 *    state.ts: Groups, Org, State): phases compiled against the first Simulation's objects stay valid for the next.
 * 5. Parameters read into local numbers (`+p.behaviour.x`) before a loop, and the decision kernel given numbers
 *    and arrays only (decide.ts): the loops read no scenario field, so one compiled loop serves every scenario.
 *    An imported constant is written `+CONSTANT` where a branch merges it with computed numbers (terms.ts).
 * 6. Math.min / Math.max rather than comparisons where one side is constant for weeks (decide.ts: leaving): V8
 *    compiles a comparison for the values it has seen there, and the first different one deoptimizes the kernel.
 * 7. A phase whose loop V8 compiles while it runs (on-stack replacement) ends with its loop, and keeps its sums in
 *    place rather than in a local returned after it (terms.ts: agentTerms; activity.ts): code after the loop,
 *    unknown to the compiled code, deoptimized it tick after tick, and a returned local was boxed at every step.
 * 8. Arrays built by push in a loop, not Array.prototype.map, in constructors V8 compiles (record/recorder.ts):
 *    map builds the array with another hidden class once the constructor is compiled, and the code reading it
 *    deoptimizes at the next Simulation.
 * 9. Tables of log and exp of counts (tables.ts): a call V8 does not inline boxes its numbers, an allocation a
 *    group; a table entry is computed by the same expression as the call, so the same bits.
 */
import { nextOutsider } from './phases/outsider.ts';

export const FRACTION = 0.5;

/** part / whole, 0 for an empty whole (counts are never negative): the recorder's ratios (2 above). */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

for (let k = 0; k < 16; k++) share(k, k % 4);
for (let k = 0; k < 16; k++) nextOutsider(new Uint8Array([1, 1, 0]), 0, 3, k % 3);
