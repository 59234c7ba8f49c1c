/**
 * The hostile corpus (issue 11): inputs a careful user or an attacker with a shared file can give the
 * command line, and what orgsim must answer. Every case ends with exit 2 and one line on stderr that matches
 * `expect` (test/hostile.test.ts checks it, with no stack trace, no raw control character, no temporary file
 * left and a bounded time). `finding` is the item of the issue the case covers (0: none in particular).
 *
 * Files are created in a fresh folder per case; in `args`, "@name" is the path of file "name" there.
 * Cases that could block a process (pipes, devices) or take long if validation regressed run as real
 * processes (`spawn`), killed after a timeout, so that a regression fails instead of hanging the suite.
 */

export type FileSpec = string | { fifo: true } | { symlink: string } | { dir: true } | { text: string; mode: number };

export interface HostileCase {
  id: string;
  finding: number;
  /** The family of issue 22 the case covers (outputs, system folders, folder kinds, observed data, replays...). */
  family?: number;
  files?: Record<string, FileSpec>;
  args: string[];
  expect: RegExp;
  spawn?: boolean;
  env?: Record<string, string>;
  /** Paths outside the case's folder that must not exist afterwards (an output refused in /dev). */
  absent?: string[];
}

import { READING_CASES } from './reading.ts';
import { SYNTAX_CASES } from './syntax.ts';
import { FIELD_CASES } from './fields.ts';
import { EXPRESSION_CASES } from './expressions.ts';
import { OPTION_CASES } from './options.ts';
import { COMPARE_CASES } from './compare.ts';
import { STORY_CASES } from './stories.ts';
import { SIZE_CASES } from './sizes.ts';
import { OUTPUT_CASES } from './outputs.ts';
import { FOLDER_CASES } from './folders.ts';
import { OBSERVED_CASES } from './observed.ts';
import { REPLAY_CASES } from './replays.ts';

/** Every case, in the order the parts were written: issue 11's, then issue 22's families. */
export const CASES: readonly HostileCase[] = [
  ...READING_CASES,
  ...SYNTAX_CASES,
  ...FIELD_CASES,
  ...EXPRESSION_CASES,
  ...OPTION_CASES,
  ...COMPARE_CASES,
  ...STORY_CASES,
  ...SIZE_CASES,
  ...OUTPUT_CASES,
  ...FOLDER_CASES,
  ...OBSERVED_CASES,
  ...REPLAY_CASES,
];
