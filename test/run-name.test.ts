/** A modified run says how it differs from its scenario, in words for the organization form's settings. */
import { describe, expect, it } from 'vitest';
import { changeWords, describeOrganization, runName } from '../src/run-name.ts';

describe('run names', () => {
  it('keep the scenario name when nothing changed', () => {
    expect(runName('Baseline: an internal CM with relays', [])).toBe('Baseline: an internal CM with relays');
  });
  it("say the organization form's changes in words, after the scenario's short name", () => {
    expect(runName('Baseline: an internal CM with relays', ['organization.employees=3000', 'smm.count=5'])).toBe(
      'Baseline, modified: 3,000 employees, 5 SMMs',
    );
    expect(runName('small', ['cm.present=false', 'cm.sourcing=outsourced', 'external.customers=0'])).toBe(
      'small, modified: no CM, no external community',
    );
    expect(runName('small', ['cm.present=true', 'cm.sourcing="outsourced"'])).toBe('small, modified: an outsourced CM');
  });
  it('say other changes as path = value', () => {
    expect(changeWords('behaviour.riskWeight', 4)).toBe('behaviour.riskWeight = 4');
    expect(changeWords('smm.count', 1)).toBe('1 SMM');
  });

  it("a modified run is described from its own settings, not from its scenario's text", () => {
    const run = {
      organization: { employees: 3000, teamSize: 8 },
      smm: { count: 5, sourcing: 'outsourced' },
      cm: { present: true, sourcing: 'outsourced' },
      external: { customers: 0 },
      ticks: 250,
    };
    expect(describeOrganization(run, 'Baseline: an internal CM with relays')).toBe(
      '3,000 employees in teams of 8; 5 outsourced SMMs animating open communities; an outsourced community ' +
        'manager; no external community; over 250 working days. Everything else as in “Baseline: an internal ' +
        'CM with relays”.',
    );
    expect(
      describeOrganization(
        {
          ...run,
          smm: { count: 1, sourcing: 'internal' },
          cm: { present: false, sourcing: 'internal' },
          external: { customers: 1 },
        },
        'small',
      ),
    ).toMatch(
      /; 1 internal SMM animating open communities; no community manager; an external community of 1 customer;/,
    );
  });
});
