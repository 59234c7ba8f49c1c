/** Rows of the second essay: internal and external community managers are not the same. */
import {
  armsHigher,
  higher,
  I,
  last,
  longValue,
  mean,
  memberPosts,
  part,
  SECOND_YEAR,
  side,
  sum,
  takeOff,
} from './measures.ts';
import type { PatternRow } from './types.ts';

export const COMMUNITY_MANAGER_ROWS: readonly PatternRow[] = [
  // ---- [I] Internal and external community managers are not the same ----
  {
    id: 'I01',
    essay: I,
    kind: 'not modelled',
    quote:
      'As time goes, businesses are getting better at understanding what a community manager is. ... ' +
      'evidence that we hear less land less nonsense over time',
    reason: 'An observation about businesses over the years, outside one organization’s run.',
  },
  {
    id: 'I02',
    essay: I,
    kind: 'claim',
    claim: 'C9',
    quote:
      'The matter was to know if a good external community manager, interface between a company and its ' +
      'customers, could easily turn into a successful internal one, interface with employees.',
  },
  {
    id: 'I03',
    essay: I,
    kind: 'not modelled',
    quote:
      'Internal and external community managers are not the same ... Internal and external community ' +
      'managers don’t have the same role ... Experience shows that both don’t necessarily have the same role.',
    reason: 'A summary: its behavioural content is I04, I06, I08 and C9.',
  },
  {
    id: 'I04',
    essay: I,
    kind: 'measured',
    quote:
      'The external community manager is more on the forefront and happens to speak frequently to customers ' +
      '(which are not always communities).',
    pattern:
      'Outside, the brand’s emcee speaking frequently draws customers in: more of them take part than beside ' +
      'a quiet emcee.',
    tests: [
      armsHigher(
        'participation in the external community, second year',
        part('external'),
        ['quietEmcee', 'emcee speaks 10%'],
        ['governed', 'emcee speaks 60%'],
      ),
    ],
    status: 'holds',
    note:
      'Customers grant the emcee legitimacy by his role (7.8); more of his posts pull more of them in, until ' +
      'what he feels saturates (7.10).',
  },
  {
    id: 'I05',
    essay: I,
    kind: 'not modelled',
    quote: 'He’s supposed to represent the brand, be legitimate to do so.',
    reason:
      'A definition of the external role: the emcee’s legitimacy is an input (`legitimacy.emceeExternal`), ' +
      'not an outcome.',
  },
  {
    id: 'I06',
    essay: I,
    kind: 'claim',
    claim: 'C4',
    quote: 'Internal community managers, as we see them, are less on the forefront and more in the background.',
  },
  {
    id: 'I07',
    essay: I,
    kind: 'not modelled',
    quote:
      'External community managers are made legitimate de facto by their role until their audience decide they’re not.',
    reason:
      'The audience’s judgement is a mechanism (7.9), but no lever turns an audience away from the emcee, ' +
      'and no series isolates his legitimacy.',
  },
  {
    id: 'I08',
    essay: I,
    kind: 'measured',
    quote:
      'Their legitimacy can be questioned towards the community but not towards the company and the matter. ' +
      'They start with  a presumption of relevance.',
    pattern:
      'With a presumption of relevance, the external community takes off sooner than internal open ' +
      'communities, whose animators earn their legitimacy.',
    tests: [
      higher(
        'participation in the first 60 days over the second year’s',
        side('governed', 'open communities', takeOff('open')),
        side('governed', 'external community', takeOff('external')),
      ),
    ],
    status: 'holds',
  },
  {
    id: 'I09',
    essay: I,
    kind: 'not modelled',
    quote:
      'Internal community managers are facing other problems. Communities are often focused on specific ' +
      'expertise matters or on projects.',
    reason:
      'A description of the communities’ mix, an input (`communities.expertiseShare`, `communities.projectShare`).',
  },
  {
    id: 'I10',
    essay: I,
    kind: 'claim',
    claim: 'C5',
    quote:
      'In the first case they won’t be legitimate in front of seasoned professionals and won’t even think to ' +
      'joining their discussions so thinking that an internal community manager can lead tens or hundreds of ' +
      'business communities makes no sense.',
  },
  {
    id: 'I11',
    essay: I,
    kind: 'not modelled',
    quote: 'In the second case they can’t replace the managers or project managers.',
    reason:
      'No lever makes the CM lead project communities or team groups in place of their managers ' +
      '(`cm.leadsExpertCommunities` covers expertise communities only).',
  },
  {
    id: 'I12',
    essay: I,
    kind: 'measured',
    quote:
      'Consequently, the role of an internal community manager is rather about supporting actual community ' +
      'owners and help/coach managers towards new postures and practices.',
    pattern:
      'A CM who coaches the owners and managers who ask gets owners coached and more participation in ' +
      'expertise communities.',
    tests: [
      armsHigher(
        'share of community owners coached, at two years',
        last('coachedOwners'),
        ['noSmmNoCoaching', 'CM coaches nobody'],
        ['noSmm', 'CM coaches on request'],
      ),
      armsHigher(
        'participation in expertise communities, second year',
        mean('active_expertise', SECOND_YEAR),
        ['noSmmNoCoaching', 'CM coaches nobody'],
        ['noSmm', 'CM coaches on request'],
      ),
    ],
    status: 'holds',
  },
  {
    id: 'I13',
    essay: I,
    kind: 'not modelled',
    quote:
      'How wrong translations made community management a mess (at least in France) ... At this point I have ' +
      'to mention a big mistake that leads to many misunderstandings that often surprise foreign people ' +
      'talking about community management with french organizations. ... The english term “community ' +
      'manager” has been used in french for both the person that manages the whole system, in charge of the ' +
      'big picture, and the activity leader (the french conception being more about “emcee” in fact), which ' +
      'are roles that need different skills and seniority levels.',
    reason: 'About a word and its translation; the two roles it confuses are the model’s CM and emcee (C9).',
  },
  {
    id: 'I14',
    essay: I,
    kind: 'not modelled',
    quote:
      'On external facing activities, the community manager will be more often like an emcee while the ' +
      'manager of the system will be a project manager reporting to the communication, marketing or customer ' +
      'service department.',
    reason:
      'Reporting lines, and the manager of the external system, are not represented: the emcee is a ' +
      'full-time role (7.24).',
  },
  {
    id: 'I15',
    essay: I,
    kind: 'claim',
    claim: 'C9',
    quote:
      'On internal facing ones he’ll often be one level higher, leaving emceeing to subject matter experts ' +
      'or managers.',
  },
  {
    id: 'I16',
    essay: I,
    kind: 'claim',
    claim: 'C9',
    quote: 'Of course he can speak but can’t take a stand on matters he does not perfectly master.',
    note: 'C9’s premise: inside, a CM’s posts are worth what he knows of each matter.',
  },
  {
    id: 'I17',
    essay: I,
    kind: 'not modelled',
    quote:
      'It’s also a matter of scale : internal communities involve much less people than external ones but ' +
      'are about much more different narrow matters.',
    reason: 'A description of sizes, set by inputs (`external.customers`, `organization.topicsPerThousand`).',
  },
  {
    id: 'I18',
    essay: I,
    kind: 'claim',
    claim: 'C4',
    quote:
      'If your internal community manager speaks a lot, better put your money in an intranet than a social network',
  },
  {
    id: 'I19',
    essay: I,
    kind: 'measured',
    quote:
      'But internal community managers can also speak when their profile make them relevant. For example ' +
      'when a member of the HR department is dedicated to HR communities management.',
    pattern:
      'A CM who speaks as much but whose profile makes him relevant (HR) is more legitimate where he speaks, ' +
      'and members contribute more beside him.',
    tests: [
      armsHigher(
        'mean legitimacy of animators, second year',
        mean('legitimacy', SECOND_YEAR),
        ['cmSpeaks', 'generalist CM speaks'],
        ['cmSpeaksHr', 'HR CM speaks'],
      ),
      armsHigher(
        'member contributions, two years',
        memberPosts,
        ['cmSpeaks', 'generalist CM speaks'],
        ['cmSpeaksHr', 'HR CM speaks'],
      ),
    ],
    status: 'holds',
    note:
      'Small but measurable: legitimacy +0.3% [+0.2%, +0.5%], member contributions +1.7% [+0.1%, +3.3%]. HR ' +
      'communities are a small share of the topics (`communities.corporateShare` x `communities.hrShare`: 4%), ' +
      'so the HR person’s standing there moves the whole network little.',
  },
  {
    id: 'I20',
    essay: I,
    kind: 'claim',
    claim: 'C4',
    quote:
      'But most of times, he’ll try to make others participate instead of being the most active person on ' +
      'the community platform or enterprise social network.',
  },
  {
    id: 'I21',
    essay: I,
    kind: 'claim',
    claim: 'C4',
    quote: 'It’s mission is to make others successful, not to be visible.',
  },
  {
    id: 'I22',
    essay: I,
    kind: 'measured',
    quote: 'He’s purpose will be to improve the overall system so that users will take the ownership and lead.',
    pattern:
      'Beside a CM who enables rather than speaks, managers and community owners take the lead: they post ' +
      'more prompts.',
    tests: [
      armsHigher(
        'prompts by managers and community owners, second year',
        sum('ownerPosts', SECOND_YEAR),
        ['cmSpeaks', 'CM speaks'],
        ['cmEnables', 'CM enables'],
      ),
    ],
    status: 'holds',
  },
  {
    id: 'I23',
    essay: I,
    kind: 'not modelled',
    quote:
      'He’ll be able to do reporting, talk to both IT and business people, build training and communication ' +
      'programs etc.',
    reason: 'Reporting, IT and communication programs have no behaviour in the model; training is the coaching of I12.',
  },
  {
    id: 'I24',
    essay: I,
    kind: 'not modelled',
    quote:
      'Then comes the case of more “corporate” communities aiming at engaging employees on corporate matters ' +
      'and issues. That’s a field in which the community manager can become the spokesperson  but, once ' +
      'again, with limits related to legitimacy.',
    reason:
      'No lever makes the CM speak in corporate communities only, and no series separates them; what he ' +
      'knows of corporate matters is an input (`knowledge.cmCorporate`).',
  },
  {
    id: 'I25',
    essay: I,
    kind: 'measured',
    quote:
      'If the matter is an HR one, it will always be better to have an HR person speaking, same for ' +
      'sustainable development etc.',
    pattern:
      'A CM who speaks creates more value if he is an HR person dedicated to the communities than if he is a ' +
      'generalist.',
    tests: [
      armsHigher(
        'long-term value (hours)',
        longValue,
        ['cmSpeaks', 'generalist CM speaks'],
        ['cmSpeaksHr', 'HR CM speaks'],
      ),
    ],
    status: 'does not hold',
    note: 'As I19: HR matters are too small a share of the network for the profile to move its value.',
  },
  {
    id: 'I26',
    essay: I,
    kind: 'claim',
    claim: 'C4',
    quote:
      'One thing is sure : if the community manages is supposed to often speak internally, maybe the company ' +
      'made a mistake and would have done better by improving the intranet than deploying an internal social ' +
      'network.',
  },
  {
    id: 'I27',
    essay: I,
    kind: 'measured',
    quote:
      'Internal and external community managers are two very different things but nothing prevents one to be ' +
      'successful in both.',
    pattern:
      'A former emcee who moves to the background does as well as a CM from inside (long-term value within 10%).',
    tests: [
      {
        kind: 'close',
        label: 'long-term value (hours)',
        reference: side('cmInternal', 'internal CM', longValue),
        other: side('emceeMovesBack', 'former emcee', longValue),
        margin: 0.1,
      },
    ],
    status: 'holds',
    note:
      "Within 10%: the former emcee's habit of speaking fades over his first months (`cm.habitDays`), and " +
      'costs him -6.0% [-7.7%, -4.3%] of long-term value, the size of claim C9.',
  },
  {
    id: 'I28',
    essay: I,
    kind: 'claim',
    claim: 'C9',
    quote: 'What will matter is more at which level he’ll act when moving from the one to the other.',
  },
  {
    id: 'I29',
    essay: I,
    kind: 'not modelled',
    quote:
      'The job description matters more than the title ... But it’s obvious that the word “community ' +
      'manager” covers so many need and profiles that the job is poorly normalized and one can find as many ' +
      'kind of job description as there are community managers.',
    reason: 'About titles and job descriptions, no behaviour.',
  },
  {
    id: 'I30',
    essay: I,
    kind: 'not modelled',
    quote:
      'So it’s better to start with a good understanding of the need to find the right person, community ' +
      'manager or not.',
    reason: 'Advice on hiring: the model compares staffings, it does not hire.',
  },
];
