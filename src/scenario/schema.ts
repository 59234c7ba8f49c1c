/**
 * The one scenario schema: it gives the TypeScript type, the defaults, the documentation of every field
 * (unit, source of the default value, seed sentence, whether it acts live) and the error messages.
 * Seeds: R = "33 things to know about those who make your online social spaces live"
 *        I = "Internal and external community managers are not the same".
 *
 * The sections live in src/scenario/schema/ (one file per group of sections, field makers in fields.ts);
 * this file re-exports them so that every importer keeps its path.
 */
export type { FieldMeta } from './schema/fields.ts';
export { BehaviourSchema } from './schema/behaviour.ts';
export { CommunityManagerSchema, SmmSchema } from './schema/community-managers.ts';
export { KnowledgeSchema } from './schema/knowledge.ts';
export { LegitimacySchema, ManagersSchema, OwnersSchema } from './schema/managers.ts';
export { MembersSchema } from './schema/members.ts';
export { CommunitiesSchema, ExternalSchema, MAX_AGENTS, OrganizationSchema } from './schema/organization.ts';
export { GovernanceSchema, PoliciesSchema } from './schema/policies.ts';
export {
  type Intervention,
  InterventionSchema,
  type Scenario,
  type ScenarioInput,
  ScenarioSchema,
} from './schema/scenario.ts';
export { ValueSchema } from './schema/value.ts';
