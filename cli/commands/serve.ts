/** orgsim serve [scenario]: a workshop where the room's phones join a live run and vote (server/). */
import { join } from 'node:path';
import { parseCommand, positionals, usageError, wholeNumber } from '../args.ts';
import { checkDistinctOutputs, checkOutPath, displayPath, makeFolder } from '../files.ts';
import { checkMemory, memoryBudget } from '../limits.ts';
import { PROJECT_DIR, readScenario } from '../scenarios.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { note, print, printQr } from '../io.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { LIMITS } from '../../src/room/protocol.ts';
import { overrides } from '../ensemble.ts';
import { loadSite } from '../../server/site.ts';
import { qrTerminal } from '../../server/address.ts';
import { Workshop } from '../../server/workshop.ts';

const OPTIONS = {
  seed: { type: 'string' },
  ticks: { type: 'string' },
  set: { type: 'string', multiple: true },
  port: { type: 'string' },
  host: { type: 'string' },
  address: { type: 'string' },
  participants: { type: 'string' },
  'replay-out': { type: 'string' },
  site: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Where a room's replay file goes unless --replay-out says: a folder of its own under the working directory. */
export const ROOMS_DIR = join('out', 'rooms');

/** A workshop run is watched live: a few minutes, not a hundred years of working days. */
export const MAX_WORKSHOP_TICKS = 5000;

export async function serve(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('serve', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.serve!);
    return 0;
  }
  const [file = 'baseline'] = given.length ? positionals('serve', given, 'the scenario', 1) : [];
  const port = wholeNumber('serve', 'port', values.port, 0, 65_535) ?? 8787;
  const maxParticipants =
    wholeNumber('serve', 'participants', values.participants, 1, LIMITS.maxParticipants) ?? LIMITS.participants;
  if (values.host !== undefined && !/^[A-Za-z0-9.:-]{1,253}$/.test(values.host))
    throw usageError(
      'serve',
      `--host = ${JSON.stringify(values.host)} is not allowed; expected an address such as 0.0.0.0 or 127.0.0.1`,
    );
  if (values.address !== undefined && !/^[A-Za-z0-9.-]{1,253}$/.test(values.address))
    throw usageError(
      'serve',
      `--address = ${JSON.stringify(values.address)} is not allowed; expected a host name or an IPv4 address`,
    );
  if (values['replay-out'] !== undefined && checkOutPath(values['replay-out'], '--replay-out') !== 'json')
    throw new ScenarioError(`--replay-out ${values['replay-out']}: a replay file is JSON (a name ending in .json)`);
  const { scenario, source } = readScenario(file, overrides(values));
  checkDistinctOutputs(
    [{ option: '--replay-out', path: values['replay-out'] }],
    [{ what: 'the scenario file', path: source }],
  );
  if (scenario.ticks > MAX_WORKSHOP_TICKS)
    throw new ScenarioError(
      `${source}: ticks = ${scenario.ticks} is not allowed for a workshop; expected at most ` +
        `${MAX_WORKSHOP_TICKS} working days (use --ticks)`,
      'ticks',
    );
  checkMemory(scenario, source, 2, 1, memoryBudget());
  const site = loadSite(values.site ?? join(PROJECT_DIR, 'dist'));
  if (values['replay-out'] === undefined) makeFolder(ROOMS_DIR);

  const workshop = await Workshop.start({
    scenario,
    seed: scenario.seed,
    site,
    host: values.host,
    port,
    publicHost: values.address,
    maxParticipants,
    replayFile: (code) => values['replay-out'] ?? join(ROOMS_DIR, `room-${code}.replay.json`),
    log: (line) => note(`orgsim serve: ${line}`),
  }).catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new ScenarioError(`--port ${port}: the port is in use; choose another (--port 0 takes any free one)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new ScenarioError(`--host ${values.host}: not an address of this machine`);
    if (code === 'EACCES') throw new ScenarioError(`--port ${port}: not allowed for this user; choose one above 1023`);
    throw e;
  });

  const loopbackOnly = /^(127\.|localhost$|::1$)/.test(values.host ?? '');
  print(
    [
      `orgsim serve: room ${workshop.code}, "${scenario.name}" (${displayPath(source)}), seed ` +
        `${scenario.seed}, ${scenario.ticks} working days, up to ${maxParticipants} participants`,
      '',
      `Participants: scan the code, or open ${workshop.joinUrl}`,
      loopbackOnly
        ? '(listening on this machine only: phones cannot reach it; use --host 0.0.0.0 for the local network)'
        : '',
    ].join('\n'),
  );
  // The QR code keeps its colour codes (dark on light whatever the terminal's theme); everything else is sanitized.
  printQr(await qrTerminal(workshop.joinUrl));
  print(
    [
      `Facilitator (open it on the projector's computer; keep it to yourself, it is the key to the room):`,
      `  ${workshop.facilitatorUrl}`,
      '',
      `The replay file is ${displayPath(workshop.replayFile)}, written after every decision (orgsim run ` +
        `--replay ${displayPath(workshop.replayFile)}).`,
      'Ctrl-C stops the server.',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await workshop.close();
  note(`orgsim serve: stopped; the replay is in ${displayPath(workshop.replayFile)}`);
  return 0;
}
