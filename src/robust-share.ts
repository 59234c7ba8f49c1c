/**
 * When a claim is robust, and how its share of plausible organizations is said. Apart from the audit
 * (src/claims-audit.ts) so that the page and the report say it without loading the audit's machinery.
 */

/** Below this share of plausible organizations a claim is reported as not robust. */
export const ROBUST_SHARE = 0.8;

/**
 * The share of organizations where a claim holds, as every output says it: a whole percent, with one decimal
 * when rounding would carry it across ROBUST_SHARE (51 of 64 is "79.7%", never "80%" beside "not robust").
 */
export function robustShareText(share: number): string {
  const whole = Math.round(share * 100);
  return whole / 100 < ROBUST_SHARE === share < ROBUST_SHARE ? `${whole}%` : `${(share * 100).toFixed(1)}%`;
}
