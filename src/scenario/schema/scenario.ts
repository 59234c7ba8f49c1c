/** The whole scenario: its run settings, every parameter section, the interventions and the derived metrics. */
import { z } from 'zod';
import { int } from './fields.ts';
import { BehaviourSchema } from './behaviour.ts';
import { CommunityManagerSchema, SmmSchema } from './community-managers.ts';
import { KnowledgeSchema } from './knowledge.ts';
import { LegitimacySchema, ManagersSchema, OwnersSchema } from './managers.ts';
import { MembersSchema } from './members.ts';
import { CommunitiesSchema, ExternalSchema, OrganizationSchema } from './organization.ts';
import { GovernanceSchema, PoliciesSchema } from './policies.ts';
import { ValueSchema } from './value.ts';

export const InterventionSchema = z
  .object({
    at: z
      .number({ error: 'expected a tick number' })
      .int({ error: 'expected a whole tick number' })
      .min(0, { error: 'a tick is 0 or more' })
      .meta({ description: 'Tick (working day) at which the change applies' }),
    label: z
      .string({ error: 'expected a text' })
      .max(200)
      .default('intervention')
      .meta({ description: 'Label shown on charts' }),
    set: z
      .record(z.string(), z.union([z.number(), z.boolean(), z.string()]), {
        error: 'expected an object of "path": value',
      })
      .meta({ description: 'Parameter paths and their new values, e.g. {"smm.count": 2}' }),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    name: z
      .string({ error: 'expected a text' })
      .min(1)
      .max(120)
      .default('scenario')
      .meta({ description: 'Short name' }),
    description: z
      .string({ error: 'expected a text' })
      .max(4000)
      .default('')
      .meta({ description: 'What the scenario is about' }),
    extends: z.string().optional().meta({ description: 'A scenario file this one overrides (resolved by the loader)' }),
    seed: int(1, 0, 2 ** 31 - 1, {
      description: 'Master seed',
      unit: '',
      source: 'scenario',
      live: false,
      group: 'run',
    }),
    ticks: int(500, 1, 100_000, {
      description: 'Horizon',
      unit: 'working days',
      source: 'two years of 250 working days',
      live: false,
      group: 'run',
    }),
    organization: OrganizationSchema,
    communities: CommunitiesSchema,
    external: ExternalSchema,
    members: MembersSchema,
    behaviour: BehaviourSchema,
    cm: CommunityManagerSchema,
    smm: SmmSchema,
    managers: ManagersSchema,
    owners: OwnersSchema,
    policies: PoliciesSchema,
    governance: GovernanceSchema,
    knowledge: KnowledgeSchema,
    legitimacy: LegitimacySchema,
    value: ValueSchema,
    interventions: z
      .array(InterventionSchema)
      .max(10_000)
      .default([])
      .meta({ description: 'Parameter changes at given ticks' }),
    metrics: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'a metric name is letters, digits and _' }),
        z.string().max(500),
      )
      .default({})
      .meta({
        description: 'Derived series as mathjs expressions over reported series, e.g. {"roi": "valueCum / costCum"}',
      }),
  })
  .strict();

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Intervention = z.output<typeof InterventionSchema>;
