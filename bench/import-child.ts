/** One import in a fresh process (bench/import.ts): its CPU time, main thread and process, and peak RSS. */
import { cpuMs } from './cpu.ts';
import { importExport, writeResult } from '../cli/import/command.ts';

const [exportPath, out] = process.argv.slice(2) as [string, string];
const wall = performance.now();
const main0 = cpuMs();
const r = await importExport(exportPath);
writeResult(out, r);
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    messages: r.report.messages,
    contributions: r.report.contributions,
    accounts: r.statistics.accounts.counted,
    wallMs: performance.now() - wall,
    mainCpuMs: cpuMs() - main0,
    processCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssBytes: usage.maxRSS * 1024,
  }),
);
