/**
 * The live page's state, in one object (viz/main.ts makes it): where the run's scenario comes from and its
 * changes, which view is shown, and the compare view and story mode once loaded. The live run itself (viz/live.ts)
 * and the charts (viz/live-charts.ts) are objects of their own; the page draws from these.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import type { CompareView } from './compare/view.ts';
import type { StoryMode } from './story.ts';
import { shipped } from './scenarios.ts';

/** Where the current scenario comes from: a shipped id or a file, plus overrides applied at the start. */
export interface Source {
  id?: string;
  /** A scenario read from a file or a link (already validated once). */
  object?: Record<string, unknown>;
  label: string;
  /** The scenario itself, before the page's day-0 changes: what the "Your organization" form compares with. */
  base: Scenario;
}

export type Mode = 'live' | 'compare';

export interface PageState {
  source: Source;
  /** Day-0 settings (path=value), kept by Reset. */
  sets: string[];
  /** Day-0 settings made in the panel, waiting for a reset. */
  pendingSets: string[];
  seed: number;
  /** Every intervention of a shared link (the scenario's own and the recorded live changes): kept on reset. */
  linkInterventions: Scenario['interventions'];
  mode: Mode;
  /** The live run was playing when the compare view opened: it plays again when the room comes back. */
  playingBeforeCompare: boolean;
  /** The compare view and story mode, loaded on first use. */
  compare: CompareView | undefined;
  story: StoryMode | undefined;
  views: Promise<{ compare: CompareView; story: StoryMode }> | undefined;
}

export function initialPage(): PageState {
  return {
    source: { id: 'baseline', label: 'baseline', base: shipped('baseline')! },
    sets: [],
    pendingSets: [],
    seed: 1,
    linkInterventions: [],
    mode: 'live',
    playingBeforeCompare: false,
    compare: undefined,
    story: undefined,
    views: undefined,
  };
}
