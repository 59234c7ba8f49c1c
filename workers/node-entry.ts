/** Node entry (worker_threads): the same API, over comlink's adapter for a MessagePort-like parentPort. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { api } from './api.ts';

if (!parentPort) throw new Error('workers/node-entry.ts runs inside a worker thread (see workers/pool.ts)');
expose(api, nodeEndpoint(parentPort));
