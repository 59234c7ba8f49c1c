/** Where results come from: the git commit of the code, and a hash that identifies the scenario run. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../src/research/canonical.ts';
import { PROJECT_DIR } from './scenarios.ts';

let commit: string | null | undefined;

/**
 * `git rev-parse HEAD` of the project, or null outside a git checkout (an npm package). A container image
 * built without .git passes its commit in ORGSIM_GIT_COMMIT (see deploy/Dockerfile).
 */
export function gitCommit(): string | null {
  const given = process.env.ORGSIM_GIT_COMMIT?.trim();
  if (given) return given;
  if (commit === undefined) {
    try {
      const out = execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: PROJECT_DIR,
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
        encoding: 'utf8',
      }).trim();
      commit = /^[0-9a-f]{40,64}$/.test(out) ? out : null;
    } catch {
      commit = null;
    }
  }
  return commit;
}

/** sha256 of the canonical JSON: the same scenario, however its file was written, gives the same hash. */
export function scenarioHash(scenario: unknown): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}
