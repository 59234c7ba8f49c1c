/**
 * The script of `orgsim report`'s page: reads the inlined data and draws. Built with the package into one
 * classic script, with the parts of d3 it draws with (scripts/build-node.mjs: dist-node/report-charts.js).
 */
import * as d3 from '../d3.ts';
import { drawReport } from './charts.ts';
import { DATA_ELEMENT_ID } from '../../src/research/report/page.ts';

drawReport(
  d3,
  document.getElementById('report')!,
  JSON.parse(document.getElementById(DATA_ELEMENT_ID)!.textContent!) as Parameters<typeof drawReport>[2],
);
