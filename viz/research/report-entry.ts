/** The script of `orgsim report`'s page: reads the inlined data and draws with the inlined d3 bundle. */
import { drawReport } from './charts.ts';
import { DATA_ELEMENT_ID } from '../../src/research/report/page.ts';

declare const d3: typeof import('d3');

drawReport(d3, document.getElementById('report')!, JSON.parse(document.getElementById(DATA_ELEMENT_ID)!.textContent!) as Parameters<typeof drawReport>[2]);
