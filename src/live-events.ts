/**
 * The events a facilitator triggers in front of a room. Each is a change of live parameters, computed from the
 * run's current parameters, and recorded as an intervention like any other.
 */
import type { Scenario } from './scenario/schema.ts';

export interface LiveEvent {
  id: string;
  label: string;
  /**
   * The seed sentence the event plays out, as shown to the room (on every phone): quoted as the essay has it,
   * a slip of the keyboard marked [sic] rather than silently corrected (the essay says "hepls").
   */
  seed: string;
  change: (p: Scenario) => Record<string, number | boolean | string>;
}

export const LIVE_EVENTS: readonly LiveEvent[] = [
  {
    id: 'hire-smm',
    label: 'Hire an SMM',
    seed: 'one social media manager is not enough in large businesses',
    change: (p) => ({ 'smm.count': p.smm.count + 1 }),
  },
  {
    id: 'outsource-smm',
    label: 'Outsource the SMMs',
    seed: 'He can be externalized but, in this case, time will be needed to integrate him',
    change: () => ({ 'smm.sourcing': 'outsourced' }),
  },
  {
    id: 'end-codriving',
    label: 'End co-driving',
    seed: 'He will never be left alone without a co-driving period.',
    change: () => ({ 'smm.coDrivingDays': 0 }),
  },
  {
    id: 'coach-managers',
    label: 'Coach managers',
    seed: 'he also hepls [sic] manager who need some accompaniment to implement new practices',
    change: () => ({ 'smm.helpOnRequest': 0.5, 'cm.relays': true }),
  },
  {
    id: 'cm-speaks',
    label: 'Let the CM speak more',
    seed: 'If your internal community manager speaks a lot, better put your money in an intranet than a social network',
    change: (p) => ({ 'cm.speakShare': Math.min(1, Math.round((p.cm.speakShare + 0.3) * 100) / 100) }),
  },
  {
    id: 'visibility',
    label: 'Start a visibility campaign',
    seed: 'he\u2019s not dreaming of becoming a star in the organization',
    change: () => ({ 'policies.visibility': 0.8 }),
  },
  {
    id: 'smm-team-groups',
    label: 'SMMs step into team groups',
    seed: 'social media managers must not compete with managers to get a group/team\u2019s attention',
    change: () => ({ 'smm.teamGroupIntervention': 0.5 }),
  },
];
