/**
 * Who knows what. Legitimacy is not a number given to a role: an audience grants it to whoever has authority
 * over the group, or knows its matter and the organization's codes and people.
 *
 *   legitimacy = authority + (1 - authority) x topic x codes
 *
 * Insiders know the codes (1); someone from an outside provider starts with knowledge.outsiderCodes and learns
 * them by working (staff.ts). The brand's emcee is legitimate with customers by his role (a presumption), which
 * does not follow him inside.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Staff } from './state.ts';
import {
  COMMUNITY_CORPORATE,
  COMMUNITY_EXPERTISE,
  COMMUNITY_INTEREST,
  COMMUNITY_PROJECT,
  type World,
} from './world.ts';

export function legitimacyOf(authority: number, topic: number, codes: number): number {
  return authority + (1 - authority) * topic * codes;
}

/** What the CM knows of the matter of community g: his own field, or the kind of community. */
export function cmTopicKnowledge(p: Scenario, w: World, g: number): number {
  const k = p.knowledge;
  if (p.cm.profile === 'hr' && w.groupHr[g]) return k.specialist;
  switch (w.communityKind[g]) {
    case COMMUNITY_EXPERTISE:
      return k.cmExpertise;
    case COMMUNITY_PROJECT:
      return k.cmProject;
    case COMMUNITY_CORPORATE:
      return k.cmCorporate;
    case COMMUNITY_INTEREST:
      return k.cmInterest;
    default:
      return 0;
  }
}

/**
 * What an SMM brings to a group of the organization's codes and people: his own knowledge, and during his
 * co-driving period the insider beside him for coDrivingHours of his day.
 */
export function smmCodes(p: Scenario, s: Staff, tick: number): number {
  if (!coDriving(p, s, tick)) return s.knowledge;
  const beside = Math.min(1, p.smm.coDrivingHours / p.organization.hoursPerDay);
  return s.knowledge + (1 - s.knowledge) * beside;
}

export function coDriving(p: Scenario, s: Staff, tick: number): boolean {
  return s.outsourced && tick < s.hired + p.smm.coDrivingDays;
}
