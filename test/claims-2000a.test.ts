// Claims C1-C5 of ../shared/MODEL.md at 2,000 employees (20 replications per arm, statistical tests).
import { describe } from 'vitest';
import { claimTest } from './claims-helpers.ts';

describe('claims C1-C5 at 2,000 employees', () => {
  for (const id of ['C1', 'C2', 'C3', 'C4', 'C5']) claimTest(id, 2000);
});
