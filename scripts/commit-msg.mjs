#!/usr/bin/env node
/**
 * Checks commit messages against the project's habit (CONTRIBUTING.md): a subject of at most 72 characters,
 * then a blank line, then a body that says why and what was measured. `npm test` does not run it: git
 * history is not a test input. Use it as a hook, or on a branch before asking for a merge:
 *
 *   ln -s ../../scripts/commit-msg.mjs .git/hooks/commit-msg     as a hook (git passes the message file)
 *   node scripts/commit-msg.mjs FILE                             one message in a file
 *   node scripts/commit-msg.mjs --range main..HEAD               every commit of a branch
 *
 * Exit 0 when every message keeps the habit, 1 with one line per problem, 2 for a wrong command line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const MAX_SUBJECT = 72;

/** The problems of one commit message (empty: it keeps the habit). Comment lines (#) are git's, not the message's. */
export function commitMessageProblems(message) {
  const lines = message
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((l) => !l.startsWith('#'));
  while (lines.length && lines.at(-1).trim() === '') lines.pop();
  const subject = lines[0] ?? '';
  const problems = [];
  if (subject.trim() === '') return ['no subject'];
  // Merges and fixups that git writes itself are left alone.
  if (/^(Merge |fixup! |squash! )/.test(subject)) return [];
  const length = [...subject].length;
  if (length > MAX_SUBJECT) problems.push(`subject is ${length} characters; at most ${MAX_SUBJECT}`);
  if (lines.length > 1 && lines[1].trim() !== '') problems.push('no blank line between the subject and the body');
  const body = lines.slice(2).join('\n').trim();
  if (body === '') problems.push('no body: say why, and what was measured');
  return problems;
}

function main(argv) {
  let messages;
  if (argv[0] === '--range' && argv.length === 2) {
    const hashes = execFileSync('git', ['rev-list', '--reverse', argv[1]], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    messages = hashes.map((h) => [
      h.slice(0, 7),
      execFileSync('git', ['log', '-1', '--format=%B', h], { encoding: 'utf8' }),
    ]);
  } else if (argv.length === 1 && !argv[0].startsWith('-')) {
    messages = [[argv[0], readFileSync(argv[0], 'utf8')]];
  } else {
    process.stderr.write('usage: node scripts/commit-msg.mjs FILE | --range A..B\n');
    return 2;
  }
  let bad = 0;
  for (const [name, text] of messages) {
    for (const p of commitMessageProblems(text)) {
      process.stderr.write(`${name}: ${p}\n`);
      bad++;
    }
  }
  return bad ? 1 : 0;
}

// Run as a script, also through a symlink (a git hook): Node gives the module its real path.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
