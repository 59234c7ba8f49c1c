/**
 * The README and the guides in docs/ stay true (issue 23, item 7): the README fits a newcomer (at most 200
 * lines); every relative link of the README, CONTRIBUTING.md and docs/*.md reaches an existing file, and its
 * anchor an existing heading; every command the README shows is a real npm script or orgsim command, with
 * options that command takes; the reference names every command, option and npm script; the parameters and
 * files the docs name in code exist; the README's short list of claims is the claims table's; the JSON
 * examples of a scenario, a story step and a calibration target file are accepted by orgsim itself.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked, type Token, type Tokens, type TokensList } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/claims.ts';
import { parameterList } from '../src/scenario/paths.ts';
import { cli } from './sweep-helpers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = join(ROOT, 'README.md');
const DOCS = [
  README,
  join(ROOT, 'CONTRIBUTING.md'),
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(ROOT, 'docs', f))
    .sort(),
];
const read = (file: string) => readFileSync(file, 'utf8');
const PACKAGE = JSON.parse(read(join(ROOT, 'package.json'))) as { scripts: Record<string, string> };

/** Every token of a markdown text, nested ones included (links inside lists and tables, code inside lists). */
function tokens(md: string): Token[] {
  const out: Token[] = [];
  marked.walkTokens(marked.lexer(md) as TokensList, (t) => void out.push(t));
  return out;
}

/** The anchor GitHub gives a heading: its text without markup, lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/<[^>]*>/g, '')
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a markdown text's headings; a repeated heading gets -1, -2... as on GitHub. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const t of tokens(md)) {
    if (t.type !== 'heading') continue;
    const base = slug(t.text as string);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** The targets of a text's links and images, markdown or HTML (src, href), outside code. */
function links(md: string): string[] {
  const out: string[] = [];
  for (const t of tokens(md)) {
    if (t.type === 'link' || t.type === 'image') out.push(t.href as string);
    if (t.type === 'html') for (const m of (t.raw as string).matchAll(/\b(?:src|href)="([^"]*)"/g)) out.push(m[1]!);
  }
  return out;
}

/** Why a relative link of `file` does not resolve, or null when it does (absolute links are not followed). */
function brokenLink(file: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null;
  const [path, anchor] = href.split('#') as [string, string | undefined];
  const target = path ? join(dirname(file), decodeURIComponent(path)) : file;
  if (!existsSync(target)) return `${href}: no file ${relative(ROOT, target)}`;
  if (anchor === undefined) return null;
  if (!target.endsWith('.md') || statSync(target).isDirectory())
    return `${href}: an anchor into a file that is not markdown`;
  return anchors(read(target)).has(anchor)
    ? null
    : `${href}: no heading with the anchor #${anchor} in ${relative(ROOT, target)}`;
}

/** The shell lines of a text's code blocks (sh, bash, shell or none), continuations joined, comments cut. */
function shellLines(md: string): string[] {
  return tokens(md)
    .filter((t) => t.type === 'code' && ['sh', 'bash', 'shell', ''].includes((t as Tokens.Code).lang ?? ''))
    .flatMap((t) => (t as Tokens.Code).text.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** The commands of a shell line (`a && b` is two). */
const commands = (line: string) =>
  line
    .split('&&')
    .map((c) => c.trim().split(/\s+/))
    .filter((w) => w[0]);

/** The orgsim commands and the text of each one's help, as `orgsim help` prints them. */
const help = new Map<string, string>();
beforeAll(async () => {
  const usage = await cli(['help']);
  expect(usage.code).toBe(0);
  for (const m of usage.stdout.matchAll(/^ {2}orgsim ([a-z]+)/gm)) {
    const r = await cli(['help', m[1]!]);
    expect(r.code, `orgsim help ${m[1]}`).toBe(0);
    help.set(m[1]!, r.stdout);
  }
});

/** The options a help text names (--runs, --per-tick...). */
const optionsOf = (text: string) => new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!));

/**
 * What is wrong with one command as a user would type it from the README, or null: an npm built-in or script,
 * or orgsim with a command it has, options that command takes and, where it takes a scenario, one that exists.
 */
function wrongCommand(words: string[], strict: boolean): string | null {
  const [head, ...rest] = words;
  if (head === 'npm') {
    const [sub, name] = rest;
    if (sub === 'install' || sub === 'ci') return null;
    if (sub === 'start' || sub === 'test')
      return PACKAGE.scripts[sub] ? null : `npm ${sub}: no "${sub}" script in package.json`;
    if (sub === 'run') return name && PACKAGE.scripts[name] ? null : `npm run ${name}: no such script in package.json`;
    return strict ? `npm ${sub}: not an npm script` : null;
  }
  const args = head === 'npx' && rest[0] === 'orgsim' ? rest.slice(1) : head === 'orgsim' ? rest : null;
  if (!args) {
    if (head === 'npx' && rest[0] === 'tsx')
      return existsSync(join(ROOT, rest[1] ?? '')) ? null : `npx tsx ${rest[1]}: no such file`;
    return strict ? `${words.join(' ')}: neither an npm script nor an orgsim command` : null;
  }
  const [command, ...given] = args;
  const text = help.get(command ?? '');
  if (!text) return `orgsim ${command}: no such command (orgsim help lists ${[...help.keys()].join(', ')})`;
  const known = optionsOf(text);
  for (const o of given.filter((a) => a.startsWith('--'))) {
    const name = o.slice(2).split('=')[0]!;
    if (!known.has(name)) return `orgsim ${command} --${name}: not an option of orgsim ${command}`;
  }
  if (!strict) return null;
  const positionals = given
    .slice(
      0,
      Math.max(
        0,
        given.findIndex((a) => a.startsWith('--')),
      ),
    )
    .concat(given.some((a) => a.startsWith('--')) ? [] : given);
  if (command === 'help')
    return positionals.every((p) => help.has(p)) ? null : `orgsim help ${positionals.join(' ')}: no such command`;
  if (['run', 'compare', 'sweep', 'sensitivity', 'serve', 'validate'].includes(command!)) {
    for (const s of positionals) {
      if (!existsSync(join(ROOT, s)) && !existsSync(join(ROOT, 'scenarios', `${s}.json`)))
        return `orgsim ${command} ${s}: no such scenario`;
    }
  }
  return null;
}

describe('README.md', () => {
  it('is at most 200 lines', () => {
    const lines = read(README).replace(/\n$/, '').split('\n').length;
    expect(lines, `README.md has ${lines} lines`).toBeLessThanOrEqual(200);
  });

  it('shows only commands that exist: npm scripts, and orgsim commands with their options and scenarios', () => {
    const lines = shellLines(read(README));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const wrong = lines.flatMap((l) => commands(l).map((c) => wrongCommand(c, true))).filter(Boolean);
    expect(wrong).toEqual([]);
  });

  it('shows experiments that orgsim itself accepts (ORGSIM_CHECK_ONLY=1: checked, nothing run \
or written)', async () => {
    const experiments = shellLines(read(README))
      .flatMap(commands)
      .filter(
        (w) => w[0] === 'npx' && w[1] === 'orgsim' && ['sweep', 'sensitivity', 'claims', 'calibrate'].includes(w[2]!),
      );
    expect(experiments.length).toBeGreaterThanOrEqual(2);
    for (const w of experiments) {
      const r = await cli(w.slice(2), { ORGSIM_CHECK_ONLY: '1' });
      expect(r.code, `${w.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });

  it('lists the claims as the claims table of docs/results.md states them', () => {
    const short = new Map([...read(README).matchAll(/^\| (C\d+) \| ([^|]+?) \|/gm)].map((m) => [m[1]!, m[2]!]));
    const table = new Map(
      [...read(join(ROOT, 'docs/results.md')).matchAll(/^\| (C\d+) ([^|]+?) \|/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect([...short.keys()]).toEqual(CLAIMS.map((c) => c.id));
    expect(short).toEqual(table);
  });
});

describe('README.md, CONTRIBUTING.md and docs/*.md', () => {
  it('find links and anchors as GitHub does (self-check of the scanner)', () => {
    expect(slug('Story mode (<kbd>s</kbd>)')).toBe('story-mode-s');
    expect(slug('A workshop: the room takes part')).toBe('a-workshop-the-room-takes-part');
    expect(slug('orgsim run')).toBe('orgsim-run');
    const md = '# A b\n\n## A b\n\n[x](#a-b-1) ![y](docs/none.png) <img src="z.png">\n\n```sh\n[not](a link)\n```\n';
    expect(links(md)).toEqual(['#a-b-1', 'docs/none.png', 'z.png']);
    expect([...anchors(md)]).toEqual(['a-b', 'a-b-1']);
    expect(brokenLink(README, 'docs/none.png')).toMatch(/no file docs\/none\.png/);
    expect(brokenLink(README, '#no-such-heading')).toMatch(/no heading with the anchor/);
    expect(brokenLink(README, 'docs/results.md#the-claims-of-the-essays')).toBeNull();
    expect(wrongCommand(['npm', 'run', 'no-such-script'], true)).toMatch(/no such script/);
    expect(wrongCommand(['npx', 'orgsim', 'run', 'baseline', '--no-such-option'], true)).toMatch(/not an option/);
    expect(wrongCommand(['npx', 'orgsim', 'run', 'no-such-scenario'], true)).toMatch(/no such scenario/);
    expect(wrongCommand(['rm', '-rf', 'x'], true)).toMatch(/neither/);
  });

  it('link only to files and headings that exist', () => {
    const broken = DOCS.flatMap((f) =>
      links(read(f))
        .map((h) => brokenLink(f, h))
        .filter(Boolean)
        .map((e) => `${relative(ROOT, f)}: ${e}`),
    );
    expect(broken).toEqual([]);
  });

  it('reach every guide from the README', () => {
    const reached = new Set(links(read(README)).map((h) => h.split('#')[0]));
    for (const f of DOCS.slice(1)) expect(reached, relative(ROOT, f)).toContain(relative(ROOT, f));
  });

  it('show npm scripts that exist, and orgsim commands with options they take', () => {
    const wrong = DOCS.flatMap((f) =>
      shellLines(read(f)).flatMap((l) =>
        commands(l)
          .map((c) => wrongCommand(c, false))
          .filter(Boolean)
          .map((e) => `${relative(ROOT, f)}: ${e}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('name in code only files of the repository that exist (src/..., test/..., scripts/...)', () => {
    const re = /^(?:src|cli|server|viz|workers|scripts|bench|test|deploy|scenarios|docs|bin)\/[\w./-]*\.[a-z]+$/;
    const missing = DOCS.flatMap((f) =>
      tokens(read(f))
        .filter((t) => t.type === 'codespan')
        .map((t) => (t as Tokens.Codespan).text)
        .filter((p) => re.test(p) && !existsSync(join(ROOT, p)))
        .map((p) => `${relative(ROOT, f)}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('name in code only parameters that exist', () => {
    const params = parameterList().map((p) => p.path);
    const known = new Set(params.flatMap((p) => p.split('.').map((_, k, keys) => keys.slice(0, k + 1).join('.'))));
    const sections = [...new Set(params.filter((p) => p.includes('.')).map((p) => p.split('.')[0]!))];
    const re = new RegExp(`(?<![A-Za-z0-9_.$/-])(?:${sections.join('|')})(?:\\.[A-Za-z_][A-Za-z0-9_]*)+`, 'g');
    const unknown = DOCS.flatMap((f) =>
      tokens(read(f))
        .filter((t) => t.type === 'codespan' || t.type === 'code')
        .flatMap((t) => [...(t as Tokens.Code | Tokens.Codespan).text.matchAll(re)].map((m) => m[0]))
        .filter((p) => !known.has(p))
        .map((p) => `${relative(ROOT, f)}: ${p}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('docs/reference.md', () => {
  const reference = () => read(join(ROOT, 'docs/reference.md'));
  /** The text of the reference's section on one command, from its heading to the next. */
  const section = (command: string) =>
    reference()
      .split(/^### /m)
      .find((s) => s.startsWith(`orgsim ${command}\n`)) ?? '';

  it('has a section per orgsim command, naming every option orgsim help gives it', () => {
    expect(help.size).toBeGreaterThanOrEqual(12);
    const missing: string[] = [];
    for (const [command, text] of help) {
      const s = section(command);
      if (!s) missing.push(`orgsim ${command}: no section`);
      const named = optionsOf(s);
      for (const o of optionsOf(text)) if (!named.has(o)) missing.push(`orgsim ${command} --${o}`);
    }
    expect(missing).toEqual([]);
  });

  it('lists every npm script', () => {
    const text = reference();
    const missing = Object.keys(PACKAGE.scripts).filter(
      (s) => !text.includes(s === 'start' || s === 'test' ? `| \`npm ${s}\` |` : `| \`npm run ${s}\` |`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the JSON examples of the docs', () => {
  /** The JSON code blocks of a doc, in order. */
  const examples = (doc: string) =>
    tokens(read(join(ROOT, 'docs', doc)))
      .filter((t) => t.type === 'code' && (t as Tokens.Code).lang === 'json')
      .map((t) => (t as Tokens.Code).text);

  it('are accepted by orgsim: a scenario file, a story step, a calibration target file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-doc-examples-'));
    try {
      const [scenario] = examples('reference.md');
      writeFileSync(join(dir, 'example.json'), scenario!);
      copyFileSync(join(ROOT, 'scenarios', 'claim-base.json'), join(dir, 'claim-base.json'));
      const v = await cli(['validate', join(dir, 'example.json')]);
      expect(v.code, v.stderr).toBe(0);

      const [step] = examples('facilitator.md');
      writeFileSync(join(dir, 'story.json'), JSON.stringify({ title: 'A story', steps: [JSON.parse(step!)] }));
      const s = await cli(['validate', '--story', join(dir, 'story.json')]);
      expect(s.code, s.stderr).toBe(0);

      const [targets] = examples('researcher.md');
      const file = JSON.parse(targets!) as { targets: { csv?: string; series?: string }[] };
      for (const t of file.targets)
        if (t.csv) writeFileSync(join(dir, t.csv), `month,${t.series}\n2024-01,0.5\n2024-02,0.55\n`);
      writeFileSync(join(dir, 'targets.json'), targets!);
      const c = await cli(['calibrate', join(dir, 'targets.json'), '--out', join(dir, 'out')], {
        ORGSIM_CHECK_ONLY: '1',
      });
      expect(c.code, c.stderr).toBe(0);
      expect(existsSync(join(dir, 'out', 'calibration.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
