/**
 * The knowledge section of the scenario: what an outsider knows of the organization's codes and people and how
 * fast he learns them, and what the SMM, the owners and the CM know of each kind of matter.
 */
import { type FieldMeta, A, num, section } from './fields.ts';

const KNOW = 'knowledge 0-1';
const know = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'roles', live: true });
export const KnowledgeSchema = section({
  outsiderCodes: num(
    0.15,
    0,
    1,
    know({
      description:
        "What someone from an outside provider knows of the organization's codes and people when he starts " +
        '(an insider knows them: 1)',
      unit: KNOW,
      source: 'assumption (premise of claims C3 and C8)',
      seed:
        'time will be needed to integrate him in order he can \u201clive\u201d the organization, understands ' +
        'its codes and values',
    }),
  ),
  learningDays: num(
    150,
    1,
    5000,
    know({
      description:
        'Working days of full-time interaction for an outsider to learn about 63% of the codes and people he ' +
        'does not know yet',
      unit: 'working days',
      source: A,
    }),
  ),
  introductions: num(
    3,
    0,
    50,
    know({
      description:
        "How many times faster an outsider learns the codes and people from a co-driver's introductions than " +
        'alone, per hour',
      unit: 'factor',
      source:
        'assumption; Rollag, Parise & Cross 2005 (MIT Sloan Management Review 46(2):35): newcomers ' +
        'introduced by insiders to the people who matter get up to speed faster (the size is not ' +
        'measured there)',
      seed: 'He will never be left alone without a co-driving period.',
    }),
  ),
  rotationDays: num(
    0,
    0,
    5000,
    know({
      description:
        'Mean working days before an outside provider replaces the person it placed (his knowledge is lost; 0: never)',
      unit: 'working days',
      source: A,
    }),
  ),
  smmTopic: num(
    0.55,
    0,
    1,
    know({ description: "What an SMM knows of a community's topic (a generalist animator)", unit: KNOW, source: A }),
  ),
  smmTeamWork: num(
    0.1,
    0,
    1,
    know({
      description: "What an SMM knows of a team's own work and objectives",
      unit: KNOW,
      source: 'assumption (premise of claim C2)',
      seed:
        'He has no legitimacy try to get people\u2019s attention and ask them to do such or such things ' +
        'instead of their manager.',
    }),
  ),
  ownerTopic: num(
    0.9,
    0,
    1,
    know({
      description: 'What a community owner knows of his own topic',
      unit: KNOW,
      source: A,
      seed: 'If the matter is an HR one, it will always be better to have an HR person speaking',
    }),
  ),
  cmExpertise: num(
    0.2,
    0,
    1,
    know({
      description: "What the CM knows of an expertise community's matter (outside his own field)",
      unit: KNOW,
      source: 'assumption (premise of claim C5)',
      seed: 'they won\u2019t be legitimate in front of seasoned professionals',
    }),
  ),
  cmProject: num(
    0.3,
    0,
    1,
    know({
      description: "What the CM knows of a project community's matter",
      unit: KNOW,
      source: A,
      seed: 'they can\u2019t replace the managers or project managers',
    }),
  ),
  cmCorporate: num(
    0.5,
    0,
    1,
    know({
      description: 'What the CM knows of a corporate matter outside his own field',
      unit: KNOW,
      source: A,
      seed:
        'a field in which the community manager can become the spokesperson\u00a0 but, once again, with limits ' +
        'related to legitimacy',
    }),
  ),
  cmInterest: num(
    0.4,
    0,
    1,
    know({ description: "What the CM knows of an interest community's matter", unit: KNOW, source: A }),
  ),
  specialist: num(
    0.9,
    0,
    1,
    know({
      description: 'What a CM knows of the matters of his own field (an HR-profiled CM on HR topics)',
      unit: KNOW,
      source: A,
      seed: 'internal community managers can also speak when their profile make them relevant',
    }),
  ),
});
