/**
 * deploy/Dockerfile read as its instructions (no Docker needed): each stage's base, copies, commands, entry
 * point. Used by test/docker.test.ts (what the image is) and test/package.test.ts (which packs from exactly the
 * files the image's build stage copies).
 */
import { cpSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { ROOT } from './sweep-helpers.ts';

export interface Copy {
  from?: string;
  sources: string[];
  dest: string;
}
export interface Stage {
  from: string;
  name?: string;
  workdir: string;
  copies: Copy[];
  runs: string[];
  entrypoint?: string[];
  user?: string;
  env: string[];
}

export const DOCKERFILE = join(ROOT, 'deploy/Dockerfile');

export function dockerStages(text = readFileSync(DOCKERFILE, 'utf8')): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, word, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!word || rest === undefined) throw new Error(`deploy/Dockerfile: cannot read "${line}"`);
    if (word === 'FROM') {
      const [from, as, name] = rest.split(/\s+/);
      stages.push({
        from: from!,
        ...(as?.toUpperCase() === 'AS' ? { name } : {}),
        workdir: '/',
        copies: [],
        runs: [],
        env: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue; // ARG before the first FROM
    if (word === 'WORKDIR') stage.workdir = posix.resolve(stage.workdir, rest);
    else if (word === 'RUN') stage.runs.push(rest);
    else if (word === 'USER') stage.user = rest;
    else if (word === 'ENV') stage.env.push(rest);
    else if (word === 'ENTRYPOINT') stage.entrypoint = JSON.parse(rest) as string[];
    else if (word === 'COPY') {
      const parts = rest.split(/\s+/);
      const from = parts[0]!.startsWith('--from=') ? parts.shift()!.slice('--from='.length) : undefined;
      const dest = posix.resolve(stage.workdir, parts.pop()!) + (/\/$/.test(rest) || parts.length > 1 ? '/' : '');
      stage.copies.push({ ...(from ? { from } : {}), sources: parts, dest });
    }
  }
  return stages;
}

/** What a stage's COPY instructions from the build context put in its work folder, copied into `dir`. */
export function stageContext(stage: Stage, dir: string): void {
  for (const copy of stage.copies.filter((c) => !c.from)) {
    for (const source of copy.sources) {
      const into = posix.relative(stage.workdir, copy.dest);
      if (into.startsWith('..'))
        throw new Error(`deploy/Dockerfile: COPY ${source} ${copy.dest} is outside ${stage.workdir}`);
      const target = copy.dest.endsWith('/') ? join(dir, into, basename(source)) : join(dir, into);
      mkdirSync(statSync(join(ROOT, source)).isDirectory() ? target : join(target, '..'), { recursive: true });
      cpSync(join(ROOT, source), target, { recursive: true });
    }
  }
}

/** Whether `path` (relative to the context) is copied into the stage's work folder. */
export function copied(stage: Stage, path: string): boolean {
  return stage.copies.some(
    (c) => !c.from && c.sources.some((s) => path === s || path.startsWith(`${s.replace(/\/$/, '')}/`)),
  );
}
