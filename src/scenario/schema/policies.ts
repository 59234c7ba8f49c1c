/**
 * The policies (rules, purpose, routines, campaigns) and the rates of governance events.
 */
import { A, CALIBRATED, num, section, pol } from './fields.ts';

export const PoliciesSchema = section({
  rulesClarity: num(
    0.2,
    0,
    1,
    pol({
      description: 'How clear the rules and the limits of autonomy are in open communities before any framework',
      unit: '0-1',
      source: 'scenario',
      seed: 'he needs to know the rules, the limits to his autonomy',
    }),
  ),
  purposeClarity: num(
    0.25,
    0,
    1,
    pol({
      description: 'How clear the purpose of open communities is before any framework',
      unit: '0-1',
      source: 'scenario',
      seed: 'the purpose of each group he\u2019s in as well as what\u2019s expected from him',
    }),
  ),
  socialRoutines: num(
    0.1,
    0,
    1,
    pol(
      {
        description:
          'Share of team groups with defined usage scenarios (social routines: the manager acts on ' +
          'conversations by default) at the start',
        unit: 'share',
        source: 'scenario',
        seed:
          'he relies, at least at the beginning, on defined usage scenarios (social routine) that makes nearly ' +
          'all interactions and contents actionable by default',
      },
      false,
    ),
  ),
  visibility: num(
    0,
    0,
    1,
    pol({
      description:
        'Strength of a visibility / "star" campaign: the share of contributions shown to the whole organization',
      unit: '0-1',
      source: 'scenario',
      seed: 'he\u2019s not dreaming of becoming a star in the organization',
    }),
  ),
});

export const GovernanceSchema = section({
  quarrelsPerDepartmentYear: num(
    3,
    0,
    100,
    pol({
      description: 'Quarrels over time allocation per department per year when nobody governs',
      unit: '1 / year',
      source: A,
      seed: 'in order to avoid overlapping, internal quarrels about time allocations and (human) resources hijacking',
    }),
  ),
  quarrelAlignmentLoss: num(
    0.04,
    0,
    1,
    pol({ description: 'Alignment lost by the employees of a department in a quarrel', unit: 'alignment', source: A }),
  ),
  alignmentGain: num(
    0.3,
    0,
    1,
    pol({
      description: 'Alignment gained by everyone once the framework and processes are in place',
      unit: 'alignment',
      source: A,
      seed: 'he\u2019s in charge of governance and alignment',
    }),
  ),
  alignmentRate: num(
    0.01618,
    0,
    1,
    pol({ description: 'Daily rate at which alignment moves to its target', unit: 'share / day', source: CALIBRATED }),
  ),
  mergePerYear: num(
    2,
    0,
    50,
    pol({
      description: 'Yearly rate at which a governed duplicate community is merged into the main one (x framework)',
      unit: '1 / year',
      source: A,
    }),
  ),
});
