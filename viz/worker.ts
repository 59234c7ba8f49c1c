/** A simulation web worker (workers/sim.worker.ts, bundled by Vite) and its comlink proxy. */
import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../workers/api.ts';

export interface SimWorker {
  worker: Worker;
  api: Remote<SimApi>;
  /** Rejects if the worker fails to load or throws outside a call; never resolves. */
  failed: Promise<never>;
}

export function startSimWorker(): SimWorker {
  const worker = new Worker(new URL('../workers/sim.worker.ts', import.meta.url), { type: 'module' });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(`a simulation worker failed: ${e.message || 'it could not start'}`)),
    );
  });
  failed.catch(() => {}); // observed by whoever races it
  return { worker, api: wrap<SimApi>(worker), failed };
}
