/**
 * Before any test: the node side as it ships (scripts/build-node.mjs: dist-node/), so that the tests that run
 * bin/orgsim.mjs run the compiled command line, workers and server, and `orgsim report` finds its chart script,
 * built from the sources under test. The tests that import cli/ or workers/ in-process run the sources.
 */
export default async function setup(): Promise<void> {
  // @ts-expect-error: plain JavaScript without a declaration file (it runs with node alone, before any build).
  const { build } = (await import('../scripts/build-node.mjs')) as { build: () => Promise<string[]> };
  await build();
}
