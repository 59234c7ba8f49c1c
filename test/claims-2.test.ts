// Claims C6-C10 of ../shared/MODEL.md, each with 20 replications per arm and a statistical test.
import { describe } from 'vitest';
import { claimTest } from './claims-helpers.ts';

describe('claims C6-C10', () => {
  for (const id of ['C6', 'C7', 'C8', 'C9', 'C10']) claimTest(id);
});
