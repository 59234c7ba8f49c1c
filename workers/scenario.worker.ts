/** Browser entry (a module Web Worker, bundled by Vite): the scenario checks over comlink. */
import { expose } from 'comlink';
import { scenarioApi } from './scenario-api.ts';

expose(scenarioApi);
