/**
 * Every assumed parameter has a documented plausible range (src/scenario/plausible.ts): the assumption audit
 * draws it over that range, and src/PARAMETERS.md shows it.
 */
import { describe, expect, it } from 'vitest';
import { PLAUSIBLE } from '../src/scenario/plausible.ts';
import { parameterInfo, parameterList } from '../src/scenario/paths.ts';
import { renderParameters } from '../scripts/parameters-doc.ts';

const assumed = parameterList().filter(
  (p) => (p.type === 'number' || p.type === 'integer') && p.source?.startsWith('assumption'),
);

describe('plausible ranges', () => {
  it('cover every numeric parameter whose default is an assumption', () => {
    expect(assumed.length).toBeGreaterThan(50);
    expect(assumed.filter((p) => !p.plausible).map((p) => p.path)).toEqual([]);
  });

  it('name existing assumptions only, lie inside what the schema allows, hold the default, and say why', () => {
    for (const [path, { range, why }] of Object.entries(PLAUSIBLE)) {
      const p = parameterInfo(path);
      expect(p, path).toBeDefined();
      expect(
        p!.source?.startsWith('assumption'),
        `${path} is sourced "${p!.source}": a plausible range is for assumptions`,
      ).toBe(true);
      expect(range[0], path).toBeLessThanOrEqual(range[1]);
      expect(range[0], path).toBeGreaterThanOrEqual(p!.minimum ?? -Infinity);
      expect(range[1], path).toBeLessThanOrEqual(p!.maximum ?? Infinity);
      expect(p!.default as number, path).toBeGreaterThanOrEqual(range[0]);
      expect(p!.default as number, path).toBeLessThanOrEqual(range[1]);
      expect(why.length, path).toBeGreaterThan(10);
    }
  });

  it('keep the kinds of community within the whole (their shares add up to at most 1 at the top of \
every range)', () => {
    const top = ['communities.expertiseShare', 'communities.projectShare', 'communities.corporateShare'].reduce(
      (s, k) => s + PLAUSIBLE[k]!.range[1],
      0,
    );
    expect(top).toBeLessThanOrEqual(1);
  });

  it('are shown in PARAMETERS.md with their reason', () => {
    const doc = renderParameters();
    expect(doc).toContain('| path | description | default | range | plausible range |');
    expect(doc).toContain(`0 to 6: ${PLAUSIBLE['behaviour.broadcastWeight']!.why}`);
  });
});
