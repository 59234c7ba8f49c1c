/**
 * One story step's runs (story mode, viz/story.ts): every arm's replications on the same seeds, on the page's
 * pool of web workers, streamed into their slots as they finish.
 */
import type { StoryStep } from '../src/story.ts';
import type { CompactRun } from '../src/compare/metrics.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { WorkerPool, defaultWorkers } from './compare/pool.ts';
import type { SimWorker } from './worker.ts';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One step's runs: every arm's replications on the same seeds, streamed in from the workers. */
export class StepRun {
  readonly results: (CompactRun | undefined)[][];
  /** A claim step: the claim's measures of each run, [arm][replication]. */
  readonly measures: (number[] | undefined)[][];
  done = 0;
  state: 'running' | 'done' | 'cancelled' | 'error' = 'running';
  error = '';
  workers = 0;
  private readonly pool = new WorkerPool();
  private cancelled = false;
  readonly finishedRuns: Promise<void>;

  constructor(
    readonly step: StoryStep,
    readonly arms: Scenario[],
    readonly seeds: number[],
    readonly metricIds: string[],
    /** The claim's id when the step names one (its arms in the step's order). */
    readonly claimId: string | undefined,
    private readonly onResult: () => void,
  ) {
    this.results = arms.map(() => new Array<CompactRun | undefined>(seeds.length).fill(undefined));
    this.measures = arms.map(() => new Array<number[] | undefined>(seeds.length).fill(undefined));
    this.finishedRuns = this.run();
  }

  get total(): number {
    return this.arms.length * this.seeds.length;
  }

  /**
   * Job j is replication floor(j / arms) of arm j % arms: every arm advances together. Result j always lands in
   * its own slot, so the numbers do not depend on the workers or the order they finish in.
   */
  private async run(): Promise<void> {
    const n = this.arms.length;
    this.workers = Math.max(1, Math.min(defaultWorkers(), this.total));
    const job = (j: number) => ({ arm: j % n, rep: Math.floor(j / n) });
    const call = async (api: SimWorker['api'], { arm, rep }: { arm: number; rep: number }) =>
      this.claimId
        ? api.runClaim(this.claimId, this.arms[arm]!, this.seeds[rep]!, this.metricIds)
        : { run: await api.runCompact(this.arms[arm]!, this.seeds[rep]!, this.metricIds), measures: undefined };
    try {
      await this.pool.runWith(this.total, job, this.workers, call, (j, out) => {
        if (this.cancelled) return;
        const { arm, rep } = job(j);
        this.results[arm]![rep] = out.run;
        if (out.measures) this.measures[arm]![rep] = out.measures;
        this.done++;
        this.onResult();
      });
      if (this.state === 'running') this.state = this.cancelled ? 'cancelled' : 'done';
    } catch (e) {
      if (this.state === 'running') {
        this.state = this.cancelled ? 'cancelled' : 'error';
        this.error = messageOf(e);
      }
    }
    this.onResult();
  }

  cancel(): void {
    if (this.state !== 'running') return;
    this.cancelled = true;
    this.state = 'cancelled';
    this.pool.cancel();
  }
}
