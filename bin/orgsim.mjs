#!/usr/bin/env node
// The command line runs the TypeScript sources directly through tsx's loader (no build step to forget).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
const { installInterruptCleanup } = await import('../cli/files.ts');
// Ctrl-C or a kill removes the output being written (in-process callers of main keep their own signals).
installInterruptCleanup();
process.exitCode = await main(process.argv.slice(2));
