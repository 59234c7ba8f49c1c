// Claims C6-C10 of ../shared/MODEL.md at 2,000 employees (20 replications per arm, statistical tests).
import { describe } from 'vitest';
import { claimTest } from './claims-helpers.ts';

describe('claims C6-C10 at 2,000 employees', () => {
  for (const id of ['C6', 'C7', 'C8', 'C9', 'C10']) claimTest(id, 2000);
});
