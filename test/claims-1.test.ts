// Claims C1-C5 of ../shared/MODEL.md, each with 20 replications per arm and a statistical test.
import { describe } from 'vitest';
import { claimTest } from './claims-helpers.ts';

describe('claims C1-C5', () => {
  for (const id of ['C1', 'C2', 'C3', 'C4', 'C5']) claimTest(id);
});
