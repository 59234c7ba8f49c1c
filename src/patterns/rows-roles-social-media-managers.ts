/** Rows of the first essay, R20-R33: the social media manager. */
import {
  armsHigher,
  last,
  mean,
  NO_SMM,
  openOverTeam,
  part,
  R,
  SECOND_YEAR,
  side,
  sum,
  WITH_SMMS,
} from './measures.ts';
import type { PatternRow } from './types.ts';
import { windowSum } from '../claims.ts';

export const SOCIAL_MEDIA_MANAGER_ROWS: readonly PatternRow[] = [
  {
    id: 'R20',
    essay: R,
    kind: 'not modelled',
    quote: 'he’s the interface between the community manager and the groups, communities, social spaces.',
    reason:
      'A position between roles: nothing passes through the SMM in the model but what he does himself ' +
      '(R22-R26, R30-R32).',
  },
  {
    id: 'R21',
    essay: R,
    kind: 'measured',
    quote: 'I should say “they are” because one social media manager is not enough in large businesses.',
    pattern:
      'In an organization of 2,000 employees, one SMM animates few of its communities: five (one per 400 ' +
      'employees) raise open-community participation and value.',
    tests: [
      armsHigher(
        'participation in open communities, second year',
        part('open'),
        ['oneSmm', 'one SMM'],
        ['governed', 'one SMM per 400 employees'],
      ),
      armsHigher(
        'open-community value, two years (hours)',
        sum('value_open'),
        ['oneSmm', 'one SMM'],
        ['governed', 'one SMM per 400 employees'],
      ),
    ],
    status: 'holds',
  },
  {
    id: 'R22',
    essay: R,
    kind: 'measured',
    quote:
      'he’s in charge of managing, piloting and sometimes enliven the social spaces (in fact nearly all ' +
      'these spaces….more details in the next points…)',
    pattern: 'SMMs who animate open communities raise their participation.',
    tests: [armsHigher('participation in open communities, second year', part('open'), NO_SMM, WITH_SMMS)],
    status: 'holds',
  },
  {
    id: 'R23',
    essay: R,
    kind: 'measured',
    quote:
      'he also hepls manager who need some accompaniment to implement new practices within their team in the ' +
      'context of their management activities.',
    pattern: 'SMMs who help the managers who ask get more managers coached, and more team groups with routines.',
    tests: [
      armsHigher(
        'share of managers coached, at two years',
        last('coachedManagers'),
        ['smmHelpsNobody', 'SMMs help nobody'],
        ['governed', 'SMMs help'],
      ),
      armsHigher(
        'share of team groups with routines, at two years',
        last('routinesShare'),
        ['smmHelpsNobody', 'SMMs help nobody'],
        ['governed', 'SMMs help'],
      ),
    ],
    status: 'holds',
  },
  {
    id: 'R24',
    essay: R,
    kind: 'claim',
    claim: 'C2',
    quote:
      'he must not invade the manager’s area when the social group is a formal entity with known and shared ' +
      'objectives, with in-the-flow activities. ... In one word : social media managers must not compete ' +
      'with managers to get a group/team’s attention.',
  },
  {
    id: 'R25',
    essay: R,
    kind: 'measured',
    quote:
      'He has no legitimacy try to get people’s attention and ask them to do such or such things instead of ' +
      'their manager.',
    pattern: 'Where SMMs step into team groups, animation there carries less legitimacy.',
    tests: [
      armsHigher(
        'mean legitimacy of animators, second year',
        mean('legitimacy', SECOND_YEAR),
        ['smmCompetes', 'SMMs in team groups'],
        ['smmRespects', 'SMMs stay out'],
      ),
    ],
    status: 'holds',
  },
  {
    id: 'R26',
    essay: R,
    kind: 'measured',
    quote:
      'If needed, he can request help from the community manager or any manager at any level to face difficult issues.',
    pattern:
      'Duplicates an SMM sees in the communities he animates are escalated to the CM and merged sooner: ' +
      'fewer duplicates with SMMs.',
    tests: [armsHigher('active duplicate communities (mean over two years)', mean('overlap'), WITH_SMMS, NO_SMM)],
    status: 'holds',
    note: 'Duplicates are the only difficult issue modelled (7.21); an SMM asking managers for help is not.',
  },
  {
    id: 'R27',
    essay: R,
    kind: 'claim',
    claim: 'C3',
    quote:
      'He can be externalized but, in this case, time will be needed to integrate him in order he can “live” ' +
      'the organization, understands its codes and values. ... Il peut être “outsourcé” mais dans ce cas il ' +
      'faudra prendre garde à l’intégrer au mieux dans l’entreprise afin qu’il la “vive”, en comprenne les ' +
      'codes et les valeur.',
  },
  {
    id: 'R28',
    essay: R,
    kind: 'claim',
    claim: 'C3',
    quote:
      'He will never be left alone without a co-driving period. ... Et il ne sera jamais lancé dans le grand ' +
      'bain seul avant une période en “doubles commandes”.',
  },
  {
    id: 'R29',
    essay: R,
    kind: 'not modelled',
    quote:
      'he reports to community managers and, when relevant, to the manager/department who requested his help ' +
      'to run a social space.',
    reason: 'Reporting lines are not represented: an SMM’s work does not depend on whom he reports to.',
  },
  {
    id: 'R30',
    essay: R,
    kind: 'measured',
    quote: 'he’s focused on member’s recruitement',
    pattern: 'SMMs recruit: open communities have more members with them.',
    tests: [
      armsHigher('open-community memberships, second year (mean)', mean('openMembers', SECOND_YEAR), NO_SMM, WITH_SMMS),
    ],
    status: 'does not hold',
    note:
      'SMMs do bring members in (more joins), but members who take part more spend more of their attention and ' +
      'drift out more (7.3, 7.4): more leave, and memberships end level. Joining on one’s own ' +
      '(`communities.spontaneousJoin`) is five times the SMMs’ recruiting rate (`smm.recruitmentRate`).',
  },
  {
    id: 'R31',
    essay: R,
    kind: 'measured',
    quote: 'turning social activities into business value outside of the social space (made conversations actionable)',
    pattern: 'SMMs follow conversations up: a larger share of open-community contributions becomes actionable.',
    tests: [
      armsHigher(
        'actionable conversations per open-community contribution, second year',
        (r) => windowSum(r, 'actionable_open', SECOND_YEAR) / Math.max(1, windowSum(r, 'posts_open', SECOND_YEAR)),
        NO_SMM,
        WITH_SMMS,
      ),
    ],
    status: 'holds',
    note: 'Communities enlivenment, the middle of the sentence, is R22.',
  },
  {
    id: 'R32',
    essay: R,
    kind: 'measured',
    quote:
      'he’s mainly in charge of “open” communities (anyone can join, sometimes with approval). ... Il ' +
      's’occupe en général de communautés “ouvertes” (n’importe qui peut les rejoindre, éventuellement en ' +
      'remplissant certains critères)',
    pattern: 'SMMs raise participation in open communities more than in team groups.',
    tests: [
      {
        kind: 'paired',
        label: 'open over team-group participation, second year (log ratio), with SMMs minus without',
        first: side('noSmm', 'no SMM', openOverTeam),
        second: side('governed', 'SMMs', openOverTeam),
      },
    ],
    status: 'holds',
  },
  {
    id: 'R33',
    essay: R,
    kind: 'not modelled',
    quote:
      'he does not care about recruiting members because his social space is “organically” made (it’s a ' +
      'formal group that relies on the the organization’s formal structure) but about accelerating the way ' +
      'things are done within the group.',
    reason:
      'Structure, not behaviour: a team group’s members are its team, fixed by construction (7.23); what the ' +
      'manager does for his group is measured in R35 and C10.',
  },
];
