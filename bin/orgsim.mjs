#!/usr/bin/env node
// The command line as it ships: compiled JavaScript (dist-node/, built by scripts/build-node.mjs at npm install,
// npm pack and before the tests), so no TypeScript loader runs. In a checkout (the sources are beside this file,
// which the package does not ship), a build older than the sources is made again first, so `node bin/orgsim.mjs`
// never runs yesterday's code.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../cli/main.ts', import.meta.url))) {
  const { build, stale } = await import('../scripts/build-node.mjs');
  if (stale()) await build();
}
const { main, installInterruptCleanup } = await import('../dist-node/cli.mjs');
// Ctrl-C or a kill removes the output being written (in-process callers of main keep their own signals).
installInterruptCleanup();
process.exitCode = await main(process.argv.slice(2));
