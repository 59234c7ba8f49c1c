/// <reference types="vite/client" />

/**
 * Shipped scenarios validated and the parameter list read from the schema at build time (viz/build/shipped-plugin.ts).
 */
declare module 'virtual:orgsim-shipped' {
  import type { Scenario } from '../src/scenario/schema.ts';
  import type { ParamInfo } from '../src/scenario/paths.ts';
  export const SHIPPED: { id: string; name: string; description: string; scenario: Scenario }[];
  export const PARAMETERS: ParamInfo[];
  export const MODEL_SECTIONS: Record<string, { anchor: string; title: string }>;
}
