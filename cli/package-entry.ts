/** What bin/orgsim.mjs runs, compiled into dist-node/cli.mjs by scripts/build-node.mjs. */
export { main } from './main.ts';
export { installInterruptCleanup } from './files.ts';
