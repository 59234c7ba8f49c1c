/**
 * The page's JSON export of a run ({ orgsim: "web", seed, ticks, scenario, interventions, series }) holds the
 * scenario that reproduces it (live changes as scheduled interventions): opening the export opens that
 * scenario. Anything else is taken as a scenario itself.
 */
export function scenarioOf(raw: Record<string, unknown>): { raw: Record<string, unknown>; exported: boolean } {
  const inner = raw.scenario;
  if (raw.orgsim === 'web' && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
    return { raw: inner as Record<string, unknown>, exported: true };
  }
  return { raw, exported: false };
}
