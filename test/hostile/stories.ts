/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). Story files: malformed steps, long fields and --set
 * given with --story.
 */
import type { HostileCase } from './cases.ts';
import { json } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// Story files ---------------------------------------------------------------------------------------------
const step = {
  title: 'Step',
  quote: 'q',
  source: 's',
  arms: [
    { scenario: 'small', label: 'A' },
    { scenario: 'small', label: 'B', changes: 'smm.count=3' },
  ],
  measure: { metric: 'participation:all', reduce: 'mean', noun: 'participation' },
};
const story = (s: unknown) => json(s);
const stories: [string, string, RegExp][] = [
  ['not JSON', '{"title": ', /s\.json: not valid JSON/],
  ['an array', '[]', /a scenario is a JSON object|is a JSON object/],
  ['no steps', story({ title: 'T' }), /steps = undefined is not allowed/],
  ['no step', story({ title: 'T', steps: [] }), /steps = \[\] is not allowed/],
  [
    'an unknown scenario',
    story({ title: 'T', steps: [{ ...step, arms: [{ scenario: '../../etc/passwd', label: 'x' }, step.arms[0]] }] }),
    /steps\[0\]\.arms\[0\]\.scenario = "\.\.\/\.\.\/etc\/passwd" is not a shipped scenario/,
  ],
  [
    'an unknown field',
    story({ title: 'T', steps: [{ ...step, script: 'alert(1)' }] }),
    /unknown field "steps\[0\]\.script"/,
  ],
  [
    'one arm',
    story({ title: 'T', steps: [{ ...step, arms: [step.arms[0]] }] }),
    /steps\[0\]\.arms = .* is not allowed; expected at least 2/,
  ],
  [
    'an unknown measure',
    story({ title: 'T', steps: [{ ...step, measure: { ...step.measure, metric: 'constructor' } }] }),
    /steps\[0\]\.measure\.metric = "constructor" is not allowed/,
  ],
  ['runs as text', story({ title: 'T', steps: [{ ...step, runs: '10' }] }), /steps\[0\]\.runs = "10" is not allowed/],
  [
    'a window that ends before it starts',
    story({ title: 'T', steps: [{ ...step, measure: { ...step.measure, from: 10, to: 5 } }] }),
    /steps\[0\]\.measure\.to = 5 is not allowed/,
  ],
  [
    '101 steps',
    story({ title: 'T', steps: Array.from({ length: 101 }, () => step) }),
    /steps = .* is not allowed; expected at most 100/,
  ],
  [
    'a title with an escape sequence and no steps',
    story({ title: '\u001b]0;pwned\u0007', steps: [] }),
    /steps = \[\] is not allowed/,
  ],
];
for (const [what, text, expect] of stories)
  add({
    id: `story: ${what}`,
    finding: what.includes('escape') ? 7 : 0,
    files: { 's.json': text },
    args: ['validate', '--story', '@s.json'],
    expect,
  });
add({
  id: 'long: a story field of 1 MB',
  finding: 3,
  files: { 's.json': json({ title: 'T', ['k'.repeat(2 ** 20)]: 1, steps: [step] }) },
  args: ['validate', '--story', '@s.json'],
  expect: /unknown field "k{70,}\.\.\."$/,
  spawn: true,
});
add({
  id: 'story: --set with --story',
  finding: 0,
  files: { 's.json': story({ title: 'T', steps: [step] }) },
  args: ['validate', '--story', '@s.json', '--set', 'smm.count=1'],
  expect: /--set applies to scenarios, not to story files/,
});

export const STORY_CASES: readonly HostileCase[] = cases;
