/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). Reading: special files (devices, named pipes, folders,
 * symbolic links and their loops), files of many megabytes and missing files, for every command that reads one.
 */
import type { HostileCase } from './cases.ts';
import { MB, json, manifestOf, tiny, TINY } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// 1. Reading: special files, sizes, links ------------------------------------------------------------------
add({
  id: 'read: /dev/zero as the scenario',
  finding: 1,
  args: ['validate', '/dev/zero'],
  expect: /\/dev\/zero: a character device, not a regular file/,
  spawn: true,
});
add({
  id: 'read: extends /dev/zero',
  finding: 1,
  files: { 'a.json': json({ extends: '/dev/zero' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read \/dev\/zero: a character device/,
  spawn: true,
});
add({
  id: 'read: extends /dev/urandom',
  finding: 1,
  files: { 'a.json': json({ extends: '/dev/urandom' }) },
  args: ['run', '@a.json'],
  expect: /\/dev\/urandom: a character device/,
  spawn: true,
});
add({
  id: 'read: a named pipe as the scenario',
  finding: 1,
  files: { 'f.json': { fifo: true } },
  args: ['validate', '@f.json'],
  expect: /f\.json: a named pipe, not a regular file/,
  spawn: true,
});
add({
  id: 'read: extends a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true }, 'a.json': json({ extends: 'f.json' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*f\.json: a named pipe/,
  spawn: true,
});
add({
  id: 'read: run a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true } },
  args: ['run', '@f.json', '--ticks', '5'],
  expect: /a named pipe/,
  spawn: true,
});
add({
  id: 'read: compare with a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true }, 'a.json': tiny() },
  args: ['compare', '@a.json', '@f.json', '--runs', '2'],
  expect: /a named pipe/,
  spawn: true,
});
add({
  id: 'read: sweep a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true } },
  args: ['sweep', '@f.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /a named pipe/,
  spawn: true,
});
add({
  id: 'read: a symbolic link to /dev/zero',
  finding: 1,
  files: { 'z.json': { symlink: '/dev/zero' } },
  args: ['validate', '@z.json'],
  expect: /z\.json: a character device/,
  spawn: true,
});
add({
  id: 'read: a symbolic link to a named pipe',
  finding: 1,
  files: { f: { fifo: true }, 'l.json': { symlink: 'f' } },
  args: ['validate', '@l.json'],
  expect: /l\.json: a named pipe/,
  spawn: true,
});
add({
  id: 'read: a folder as the scenario',
  finding: 1,
  files: { 'd.json': { dir: true } },
  args: ['validate', '@d.json'],
  expect: /d\.json: a folder, not a regular file/,
});
add({
  id: 'read: extends a folder',
  finding: 1,
  files: { d: { dir: true }, 'a.json': json({ extends: 'd' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*d: a folder/,
});
add({
  id: 'read: extends the folder itself',
  finding: 1,
  files: { 'a.json': json({ extends: '.' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*: a folder/,
});
add({
  id: 'read: a 6 MB scenario file',
  finding: 1,
  files: { 'big.json': json({ ...TINY, description: 'x'.repeat(6 * MB) }) },
  args: ['validate', '@big.json'],
  expect: /big\.json: 6 MB is too large; the limit for a scenario file is 5 MB/,
});
add({
  id: 'read: extends a 6 MB file',
  finding: 1,
  files: { 'big.json': ' '.repeat(6 * MB) + '{}', 'a.json': json({ extends: 'big.json' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*big\.json: 6 MB is too large/,
});
add({
  id: 'read: a 50 MB file of spaces',
  finding: 1,
  files: { 'big.json': ' '.repeat(50 * MB) },
  args: ['run', '@big.json'],
  expect: /50 MB is too large/,
});
add({
  id: 'read: a symbolic link loop',
  finding: 1,
  files: { 'a.json': { symlink: 'b.json' }, 'b.json': { symlink: 'a.json' } },
  args: ['validate', '@a.json'],
  expect: /a\.json: too many symbolic links/,
});
add({
  id: 'read: extends a symbolic link loop',
  finding: 1,
  files: { l1: { symlink: 'l2' }, l2: { symlink: 'l1' }, 'a.json': json({ extends: 'l1' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*l1: too many symbolic links/,
});
add({
  id: 'read: a missing file',
  finding: 1,
  args: ['validate', '@nothing.json'],
  expect: /nothing\.json: no such file/,
});
add({
  id: 'read: a file under a file',
  finding: 1,
  files: { f: 'x' },
  args: ['validate', '@f/a.json'],
  expect: /a folder in the path is a file/,
});
add({
  id: 'read: /proc/self/status (not JSON)',
  finding: 1,
  args: ['validate', '/proc/self/status'],
  expect: /\/proc\/self\/status: not valid JSON/,
});
add({
  id: 'read: extends /etc/passwd',
  finding: 1,
  files: { 'a.json': json({ extends: '/etc/passwd' }) },
  args: ['validate', '@a.json'],
  expect: /\/etc\/passwd: not valid JSON/,
});
add({
  id: 'read: extends a name too long',
  finding: 1,
  files: { 'a.json': json({ extends: `${'x'.repeat(5000)}.json` }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*: the name is too long/,
});
add({
  id: 'read: /dev/stdin',
  finding: 1,
  args: ['validate', '/dev/stdin'],
  expect: /\/dev\/stdin: a (character device|named pipe|socket|device or socket)/,
  spawn: true,
});
add({
  id: 'read: the story file is a named pipe',
  finding: 1,
  files: { 's.json': { fifo: true } },
  args: ['validate', '--story', '@s.json'],
  expect: /s\.json: a named pipe, not a regular file; a story file/,
  spawn: true,
});
add({
  id: 'read: the story file is /dev/zero',
  finding: 1,
  args: ['validate', '--story', '/dev/zero'],
  expect: /a character device, not a regular file; a story file/,
  spawn: true,
});
add({
  id: 'read: a 6 MB story file',
  finding: 1,
  files: { 's.json': ' '.repeat(6 * MB) },
  args: ['validate', '--story', '@s.json'],
  expect: /6 MB is too large; the limit for a story file is 5 MB/,
});
add({
  id: 'read: report with a named pipe as manifest',
  finding: 1,
  files: { 'd/manifest.json': { fifo: true } },
  args: ['report', '@d'],
  expect: /manifest\.json: a named pipe, not a regular file; a sweep manifest/,
  spawn: true,
});
add({
  id: 'read: report with a named pipe as runs.csv',
  finding: 1,
  files: { 'd/manifest.json': manifestOf({ command: 'sweep' }), 'd/runs.csv': { fifo: true } },
  args: ['report', '@d'],
  expect: /runs\.csv: a named pipe/,
  spawn: true,
});
add({
  id: 'read: merge a shard whose manifest is /dev/zero',
  finding: 1,
  files: { 'd/manifest.json': { symlink: '/dev/zero' } },
  args: ['merge', '@d', '--out', '@m'],
  expect: /manifest\.json: a character device/,
  spawn: true,
});
add({
  id: 'read: sweep into a folder whose manifest is a named pipe',
  finding: 1,
  files: { 'a.json': tiny(), 'out/manifest.json': { fifo: true } },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /manifest\.json: a named pipe/,
  spawn: true,
});
add({
  id: 'read: sweep into a folder whose manifest is a folder',
  finding: 1,
  files: { 'a.json': tiny(), 'out/manifest.json': { dir: true } },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /manifest\.json: a folder, not a regular file/,
});

export const READING_CASES: readonly HostileCase[] = cases;
