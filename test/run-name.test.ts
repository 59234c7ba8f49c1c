/** A modified run says how it differs from its scenario, in words for the organization form's settings. */
import { describe, expect, it } from 'vitest';
import { changeWords, runName } from '../src/run-name.ts';

describe('run names', () => {
  it('keep the scenario name when nothing changed', () => {
    expect(runName('Baseline: an internal CM with relays', [])).toBe('Baseline: an internal CM with relays');
  });
  it('say the organization form\'s changes in words, after the scenario\'s short name', () => {
    expect(runName('Baseline: an internal CM with relays', ['organization.employees=3000', 'smm.count=5'])).toBe('Baseline, modified: 3,000 employees, 5 SMMs');
    expect(runName('small', ['cm.present=false', 'cm.sourcing=outsourced', 'external.customers=0'])).toBe('small, modified: no CM, no external community');
    expect(runName('small', ['cm.present=true', 'cm.sourcing="outsourced"'])).toBe('small, modified: an outsourced CM');
  });
  it('say other changes as path = value', () => {
    expect(changeWords('behaviour.riskWeight', 4)).toBe('behaviour.riskWeight = 4');
    expect(changeWords('smm.count', 1)).toBe('1 SMM');
  });
});
