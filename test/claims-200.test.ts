// The claims of ../shared/MODEL.md at 200 employees, each with 20 replications per arm and a statistical test.
import { describe } from 'vitest';
import { CLAIMS } from '../src/claims.ts';
import { claimTest } from './claims-helpers.ts';

describe('claims at 200 employees', () => {
  for (const c of CLAIMS) claimTest(c.id, 200);
});
