/**
 * orgsim import on synthetic exports whose figures are known (scripts/synthetic-export.ts): each figure of
 * both formats equals its truth and lies in its interval; the scenario validates, the target file runs in
 * orgsim calibrate; nothing personal reaches an output; bad exports are refused in one line, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticExport, type Truth } from '../scripts/synthetic-export.ts';
import { OUTPUT_FILES } from '../cli/import/command.ts';
import { checkTargetFile } from '../src/calibrate/targets.ts';
import { parseObserved } from '../src/calibrate/observed.ts';
import { cli, expectMistake, type Result } from './sweep-helpers.ts';

const runImport = (args: string[]): Promise<Result> => cli(['import', ...args]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIGURES = [
  'monthlyContributors',
  'contributorShare',
  'contributionsPerContributor',
  'monthlyPosts',
  'top1Share',
  'top10Share',
  'gini',
  'newMembersPerMonth',
  'leaversPerMonth',
  'threadsPerMonth',
  'repliesPerMonth',
  'repliesPerThread',
  'reactionsPerMonth',
  'teamActivityShare',
  'openActivityShare',
  'multiGroupShare',
  'readOnlyShare',
];

for (const [format, zip] of [
  ['viva-engage', true],
  ['slack', true],
] as const) {
  describe(`a ${format} export`, () => {
    let truth: Truth;
    let out: string;
    let run: Result;
    let stats: any;
    beforeAll(async () => {
      const path = join(dir, `${format}.zip`);
      truth = await writeSyntheticExport(path, { format, zip, seed: 5, users: 260, months: 7, missingMonth: 2 });
      out = join(dir, `${format}-out`);
      run = await runImport([path, '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      stats = JSON.parse(readFileSync(join(out, 'statistics.json'), 'utf8'));
    }, 120_000);

    for (const key of FIGURES) {
      it(`${key} equals its truth, inside its interval`, () => {
        const f = stats.figures[key];
        const t = truth.figures[key];
        if (t === null || t === undefined) {
          expect(f.value).toBeNull();
          expect(f.reason).toMatch(/\w/);
          return;
        }
        expect(f.value).toBeCloseTo(t, 9);
        expect(f.interval[0]).toBeLessThanOrEqual(t);
        expect(f.interval[1]).toBeGreaterThanOrEqual(t);
        expect(f.interval[1]).toBeGreaterThan(f.interval[0]);
      });
    }

    it('counts the accounts, the groups by kind and the months, the missing one left out', () => {
      expect(stats.accounts.counted).toBe(truth.accounts);
      expect({ team: stats.groups.team, closed: stats.groups.closed, open: stats.groups.open }).toEqual(truth.groups);
      expect(stats.span.months).toEqual(truth.months);
      expect(stats.span.missing).toEqual(truth.missing);
      expect(stats.monthly.map((r: any) => r.month)).toEqual(truth.monthly.map((r) => r.month));
      stats.monthly.forEach((r: any, i: number) =>
        expect(r.monthlyContributors).toBeCloseTo(truth.monthly[i]!.monthlyContributors, 12),
      );
    });

    it('says what it skipped and why', () => {
      const says = (n: number, words: RegExp) => {
        if (n > 0) expect(run.stdout).toMatch(new RegExp(`${n.toLocaleString('en-US')} ${words.source}`));
      };
      says(truth.skipped.bot!, /messages of bots and apps/);
      says(truth.skipped.deleted!, /deleted messages/);
      says(truth.skipped.private!, /private conversations/);
      says(truth.skipped.version!, /previous versions of edited messages/);
      says(truth.skipped.system!, /system messages/);
      expect(run.stdout.split('\n').length).toBeLessThanOrEqual(30);
    });

    it("writes a scenario that orgsim validate accepts, of the network's size and horizon", async () => {
      const r = await cli(['validate', join(out, 'scenario.json')]);
      expect(r.code, r.stderr).toBe(0);
      const scenario = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
      expect(scenario.organization.employees).toBe(truth.accounts);
      expect(scenario.ticks).toBe(7 * 21);
    });

    it('writes a target file orgsim calibrate accepts, and its observed series', () => {
      const targets = checkTargetFile(JSON.parse(readFileSync(join(out, 'targets.json'), 'utf8')), 'targets.json');
      const series = targets.targets.find((t) => 'series' in t)!;
      const observed = parseObserved(
        readFileSync(join(out, 'observed.csv'), 'utf8'),
        'observed.csv',
        (series as { series: string }).series,
      );
      expect(observed.periods).toEqual(truth.months);
      for (const t of targets.targets) {
        if (!('statistic' in t)) continue;
        const f = stats.figures[t.statistic];
        expect(t.band[0]).toBeLessThanOrEqual(f.value);
        expect(t.band[1]).toBeGreaterThanOrEqual(f.value);
      }
    });

    it('keeps no name, e-mail address or message text in any output, stdout or stderr', () => {
      expect(truth.secrets.length).toBeGreaterThan(50);
      const texts = [run.stdout, run.stderr, ...OUTPUT_FILES.map((f) => readFileSync(join(out, f), 'utf8'))];
      for (const secret of truth.secrets) for (const t of texts) expect(t.includes(secret), secret).toBe(false);
      expect(texts.join('')).not.toMatch(/@example\.org|Zephyr/);
    });

    it('gives the same bytes again', async () => {
      const again = join(dir, `${format}-again`);
      const r = await runImport([join(dir, `${format}.zip`), '--out', again]);
      expect(r.code, r.stderr).toBe(0);
      for (const f of OUTPUT_FILES)
        expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
    });
  });
}

describe('the target file of an import runs in orgsim calibrate as it is', () => {
  it('calibrates the imported organization', async () => {
    const path = join(dir, 'small');
    await writeSyntheticExport(path, { format: 'viva-engage', seed: 9, users: 120, months: 3, missingMonth: -1 });
    const out = join(dir, 'small-out');
    expect((await runImport([path, '--out', out])).code).toBe(0);
    const r = await cli(['calibrate', join(out, 'targets.json'), '--out', join(out, 'calibration'), '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'calibration'))).toBe(true);
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------------------
// Bad exports: one line naming the file and what is wrong, exit 2, nothing written.

const USERS =
  'id,name,email,state,joined_at,department\r\n1,Ann ' +
  'Example,ann@example.org,active,2023-05-01T08:00:00Z,Sales\r\n2,Bob ' +
  'Example,bob@example.org,active,2023-06-01T08:00:00Z,Sales\r\n';
const GROUPS = 'id,name,private\r\n10,Team,true\r\n';
const MESSAGES_HEAD = 'id,replied_to_id,thread_id,group_id,sender_id,sender_type,body,created_at';
const row = (id: number, sender: number, at: string, reply = '') =>
  `${id},${reply},${reply || id},10,${sender},user,"secret words, ""quoted""",${at}`;
const MESSAGES =
  [
    MESSAGES_HEAD,
    row(1, 1, '2024-01-01T09:00:00Z'),
    row(2, 2, '2024-01-15T09:00:00+01:00', '1'),
    row(3, 1, '2024-02-29T22:00:00-05:00'),
  ].join('\r\n') + '\r\n';

function viva(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

async function refused(exportPath: string, pattern: RegExp): Promise<void> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const r = await runImport([exportPath, '--out', out]);
  expectMistake(r, pattern);
  expect(existsSync(out), 'nothing written').toBe(false);
  expect(r.stderr).not.toMatch(/secret|Ann Example|ann@/);
}

describe('bad exports are refused in one line, nothing written', () => {
  it('a good small export passes (the cases below change one thing)', async () => {
    const r = await runImport([
      viva('good', { 'Users.csv': USERS, 'Groups.csv': GROUPS, 'Messages.csv': MESSAGES }),
      '--out',
      join(dir, 'good-out'),
    ]);
    expect(r.code, r.stderr).toBe(0);
  });
  it('a missing file', async () => {
    await refused(
      viva('no-groups', { 'Users.csv': USERS, 'Messages.csv': MESSAGES }),
      /no-groups: no Groups\.csv in the export/,
    );
  });
  it('an unknown column set', async () => {
    await refused(
      viva('columns', { 'Users.csv': USERS, 'Groups.csv': GROUPS, 'Messages.csv': 'a,b,c\n1,2,3\n' }),
      /Messages\.csv: unknown column set/,
    );
  });
  it('a missing required column', async () => {
    await refused(
      viva('no-sender', {
        'Users.csv': USERS,
        'Groups.csv': GROUPS,
        'Messages.csv': MESSAGES.replace('sender_id', 'sender'),
      }),
      /Messages\.csv: the required column "sender_id" is missing/,
    );
  });
  it('an unknown extra column is ignored and said once', async () => {
    const extra = MESSAGES.split('\r\n')
      .map((l, i) => (l ? `${l},${i === 0 ? 'mood' : 'happy'}` : l))
      .join('\r\n');
    const r = await runImport([
      viva('extra', { 'Users.csv': USERS, 'Groups.csv': GROUPS, 'Messages.csv': extra }),
      '--out',
      join(dir, 'extra-out'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/column "mood" is not known to orgsim: ignored/g)).toHaveLength(1);
  });
  it('a truncated zip', async () => {
    const path = join(dir, 'cut.zip');
    await writeSyntheticExport(path, {
      format: 'slack',
      zip: true,
      users: 40,
      months: 2,
      missingMonth: -1,
      truth: false,
    });
    truncateSync(path, Math.floor(statSync(path).size / 2));
    await refused(path, /cut\.zip: not a complete zip file/);
  });
  it('an empty export', async () => {
    await refused(viva('empty', {}), /empty: the export is empty/);
    await refused(
      viva('no-rows', { 'Users.csv': USERS, 'Groups.csv': GROUPS, 'Messages.csv': `${MESSAGES_HEAD}\r\n` }),
      /no message in the export/,
    );
  });
  it('dates out of order', async () => {
    const lines = MESSAGES.split('\r\n');
    [lines[1], lines[3]] = [lines[3]!, lines[1]!];
    await refused(
      viva('order', { 'Users.csv': USERS, 'Groups.csv': GROUPS, 'Messages.csv': lines.join('\r\n') }),
      /Messages\.csv: line \d+: created_at .* comes before .*; expected the messages in time order/,
    );
  });
  it('a user id that does not exist', async () => {
    await refused(
      viva('nobody', {
        'Users.csv': USERS,
        'Groups.csv': GROUPS,
        'Messages.csv': MESSAGES.replace(',2,user,', ',7,user,'),
      }),
      /Messages\.csv: line 3: sender_id matches no user of Users\.csv/,
    );
  });
  it('a Slack message whose author is no member', async () => {
    const path = join(dir, 'slack-nobody');
    await writeSyntheticExport(path, { format: 'slack', users: 40, months: 2, missingMonth: -1, truth: false });
    const file = join(path, 'general');
    // The first day file with a message of a person: its author becomes someone users.json does not have.
    const day = readdirSync(file).find((d) =>
      /"text": "(?:[^"\\]|\\.)*",\s*"user": "U/.test(readFileSync(join(file, d), 'utf8')),
    )!;
    const text = readFileSync(join(file, day), 'utf8').replace(
      /("text": "(?:[^"\\]|\\.)*",\s*"user": )"U[0-9A-Z]+"/,
      '$1"UNOBODY"',
    );
    writeFileSync(join(file, day), text);
    await refused(path, /general\/\d{4}-\d{2}-\d{2}\.json: message \d+: its "user" matches no member of users\.json/);
  });
  it("a --format that is not the export's", async () => {
    const path = viva('named-wrong', { 'Users.csv': USERS, 'Groups.csv': GROUPS, 'Messages.csv': MESSAGES });
    const out = join(dir, 'named-wrong-out');
    expectMistake(
      await runImport([path, '--out', out, '--format', 'slack']),
      /named-wrong: no users\.json in the export/,
    );
    expectMistake(
      await runImport([path, '--out', out, '--format', 'teams']),
      /--format "teams" is not allowed; expected viva-engage or slack/,
    );
    expect(existsSync(out)).toBe(false);
  });
  it('a date that is not one', async () => {
    await refused(
      viva('date', {
        'Users.csv': USERS,
        'Groups.csv': GROUPS,
        'Messages.csv': MESSAGES.replace('2024-01-15T09:00:00+01:00', 'yesterday'),
      }),
      /Messages\.csv: line 3: created_at "yesterday" is not a date/,
    );
  });
});
