/** Browser entry (a module Web Worker, bundled by Vite): the API over comlink's default postMessage endpoint. */
import { expose } from 'comlink';
import { api } from './api.ts';

expose(api);
