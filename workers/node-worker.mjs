// The file a Node worker thread starts. tsx's loader hooks (module.register) belong to the thread that
// registered them: a worker started from bin/orgsim.mjs does not inherit them, so it registers its own
// before importing the TypeScript entry. (Under `node --import tsx` the worker inherits execArgv and this
// registers a second, harmless copy.)
import { register } from 'tsx/esm/api';

register();
await import('./node-entry.ts');
