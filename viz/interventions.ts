/** The page's live interventions are the room's: one list, in src/ where the workshop server reaches it too. */
export { LIVE_EVENTS, type LiveEvent } from '../src/live-events.ts';
