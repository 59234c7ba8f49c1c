/**
 * The value section of the scenario: how contributions become actionable and turn into value, and the fixed
 * cost of the platform.
 */
import { A, CALIBRATED, num, section, val } from './fields.ts';

export const ValueSchema = section({
  actionableTeam: num(
    0.2,
    0,
    1,
    val({
      description:
        "Probability that a team-group conversation about the team's work becomes actionable without a follow-up",
      unit: 'probability',
      source: A,
    }),
  ),
  actionableOpen: num(
    0.08,
    0,
    1,
    val({
      description: 'Probability that an open-community contribution becomes actionable without a follow-up',
      unit: 'probability',
      source: A,
    }),
  ),
  actionableExternal: num(
    0.15,
    0,
    1,
    val({ description: 'Probability that a customer contribution becomes actionable', unit: 'probability', source: A }),
  ),
  followUpMinutes: num(
    5,
    0.1,
    240,
    val({
      description:
        "Minutes an animator's follow-up of one conversation takes (finding who can act on it, and handing it over)",
      unit: 'minutes',
      source: A,
      seed: 'turning social activities into business value outside of the social space (made conversations actionable)',
    }),
  ),
  searchShare: num(
    0.5,
    0,
    0.95,
    val({
      description:
        'Share of a follow-up spent searching for who can act on it: a co-built process says where a kind of ' +
        "request goes, the expertise center's directory who knows what; each removes the search for its " +
        'share of requests (minutes x (1 - this x (1 - (1 - processes) x (1 - expertise center))))',
      unit: 'share',
      source:
        'assumption; McKinsey Global Institute 2012 (The social economy): interaction workers spend 19% of ' +
        'their working time searching and gathering information, and finding who can act is most of a ' +
        'follow-up',
      seed:
        'he has to build an internal expertise center in order to provide any unit, department, team with a ' +
        'customized value proposal',
    }),
  ),
  hoursTeam: num(
    1.0,
    0,
    100,
    val({
      description: 'Hours saved by an actionable team-group conversation (micro-coordination)',
      unit: 'hours',
      source: A,
      seed: 'micro-coordination, problem solving and best practices formalization',
    }),
  ),
  hoursExpertise: num(
    3.0,
    0,
    100,
    val({
      description: 'Hours saved by an actionable expertise conversation (problem solved)',
      unit: 'hours',
      source: A,
    }),
  ),
  hoursOther: num(
    1.5,
    0,
    100,
    val({
      description: 'Hours saved by an actionable project, corporate or interest conversation',
      unit: 'hours',
      source: A,
    }),
  ),
  hoursExternal: num(
    0.5,
    0,
    100,
    val({
      description: 'Hours saved by an actionable customer conversation (support, ideas)',
      unit: 'hours',
      source: A,
    }),
  ),
  problemsPerMember: num(
    0.3,
    0.001,
    100,
    val({
      description:
        'Distinct problems a day per joined member of a group: the k-th actionable conversation on the same ' +
        'problems saves less (value = hours x Q x (1 - exp(-A / Q)))',
      unit: 'problems / member / day',
      source: A,
    }),
  ),
  readValue: num(
    0.1754,
    0,
    10,
    val({
      description:
        'Hours a participant saves by reading a community well fed with relevant posts (information found ' +
        'rather than searched for)',
      unit: 'hours',
      source: CALIBRATED,
      seed: 'he feels like participating and can see some benefits he can take from his participation',
    }),
  ),
  contentReference: num(
    5,
    0.1,
    1000,
    val({
      description: 'Relevant posts a day at which a group is well fed (read value x (1 - exp(-posts / this)))',
      unit: 'posts / day',
      source: A,
    }),
  ),
  readReuse: num(
    0.1,
    0,
    10,
    val({
      description: 'Hours a reader saves by reusing an actionable conversation he reads (times solved / contributions)',
      unit: 'hours',
      source: A,
    }),
  ),
  conversion: num(
    0.6,
    0,
    1,
    val({
      description:
        'Share of actionable conversations acted on and turned into value (the same in every scenario: ' +
        'processes work through follow-ups, 7.14)',
      unit: 'share',
      source: A,
    }),
  ),
  criticalMass: num(
    4,
    0.1,
    1000,
    val({
      description:
        'Participants at which a question (in an open community or the external community) is likely to meet ' +
        'the one who can answer, and a contribution anywhere likely to get a response: 1 - ' +
        'exp(-participants / this)',
      unit: 'participants',
      source: A,
    }),
  ),
  platformFte: num(
    0.3,
    0,
    1000,
    val({ description: 'Running the platform, counted in every scenario', unit: 'FTE', source: A }),
  ),
});
