/**
 * Reading a Slack workspace export (Slack help, "How to read Slack data exports" and "Export your workspace
 * data"): users.json (org_users.json on Enterprise Grid), channels.json for public channels, groups.json for
 * private ones, dms.json and mpims.json for direct messages, and a folder per conversation with one JSON array
 * of messages per day. Each day file is parsed on its own (a day of one channel), so memory follows the
 * largest day, not the export; of each message only its author, its day, whether it replies in a thread and
 * who reacted to it are kept.
 *
 * Left out, and counted for the summary: direct and group messages, system messages (joins, leaves, topic
 * and name changes), messages of bots and apps, deleted messages (tombstones). An edited message is one
 * message (Slack keeps its last text and an "edited" mark). A reaction counts as a contribution of the one
 * who reacted, on the day of the message (the export does not date reactions).
 */
import { ScenarioError } from '../../src/scenario/errors.ts';
import { dayOf } from '../../src/import/calendar.ts';
import { POST, REACTION, REPLY, type Network } from '../../src/import/network.ts';
import { IdHasher, IdTable } from './ids.ts';
import { SKIP, type ReadReport } from './report.ts';
import { fileProblem, type ExportSource } from './source.ts';

export const SLACK_LISTS = [
  'users.json',
  'org_users.json',
  'channels.json',
  'groups.json',
  'dms.json',
  'mpims.json',
  'integration_logs.json',
  'canvases.json',
];

/** A day file or a list bigger than this is not one a workspace writes. */
export const MAX_JSON_BYTES = 256 << 20;

const SYSTEM_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'group_join',
  'group_leave',
  'group_topic',
  'group_purpose',
  'group_name',
  'group_archive',
  'group_unarchive',
  'pinned_item',
  'unpinned_item',
  'channel_convert_to_private',
  'channel_convert_to_public',
  'sh_room_created',
  'huddle_thread',
]);
const DELETED_SUBTYPES = new Set(['tombstone', 'message_deleted']);

const DAY_FILE = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/;

/** The root of the export inside the source: where users.json is (a zip may hold one top folder). */
export function slackRoot(source: ExportSource): string | undefined {
  const lists = source.files
    .filter((f) => /(^|\/)(org_)?users\.json$/.test(f))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  if (!lists.length) return undefined;
  const f = lists[0]!;
  return f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
}

async function readJsonFile(source: ExportSource, file: string): Promise<unknown> {
  const where = `${source.shown}: ${file}`;
  if (source.size(file) > MAX_JSON_BYTES)
    throw new ScenarioError(
      `${where}: ${Math.round(source.size(file) / 2 ** 20)} MB; at most ${MAX_JSON_BYTES / 2 ** 20} MB for ` +
        `one file of a Slack export`,
    );
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of await source.open(file)) {
      total += (chunk as Buffer).length;
      if (total > MAX_JSON_BYTES)
        throw new ScenarioError(
          `${where}: more than ${MAX_JSON_BYTES / 2 ** 20} MB; at most that for one file of a Slack export`,
        );
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    throw fileProblem(source, file, e);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    // The parser's message may quote the text around the mistake: only where it is is said.
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    throw new ScenarioError(
      `${where}: not valid ` +
        `JSON${at ? ` (at character ${at})` : text.trim() === '' ? ' (the file is empty)' : ' (cut short?)'}`,
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

async function readList(source: ExportSource, file: string, required: boolean): Promise<Record<string, unknown>[]> {
  if (!source.files.includes(file)) {
    if (required)
      throw new ScenarioError(
        `${source.shown}: no ${file.split('/').pop()} in the export; a Slack export has users.json and ` +
          `channels.json beside a folder per channel`,
      );
    return [];
  }
  const list = await readJsonFile(source, file);
  if (!Array.isArray(list))
    throw new ScenarioError(
      `${source.shown}: ${file}: expected a JSON array of objects, got ${isObject(list) ? 'an object' : typeof list}`,
    );
  list.forEach((x, i) => {
    if (!isObject(x) || typeof x.id !== 'string' || !x.id)
      throw new ScenarioError(
        `${source.shown}: ${file}: item ${i + 1} has no "id"; expected objects with an "id" text`,
      );
  });
  return list as Record<string, unknown>[];
}

export async function readSlack(
  source: ExportSource,
  net: Network,
  report: ReadReport,
  hasher = new IdHasher(),
): Promise<void> {
  const root = slackRoot(source) ?? '';
  const at = (name: string) => root + name;
  const usersFile =
    source.files.includes(at('org_users.json')) && !source.files.includes(at('users.json'))
      ? at('org_users.json')
      : at('users.json');

  const accounts = new IdTable<'bot'>(hasher);
  for (const u of await readList(source, usersFile, true)) {
    if (u.is_bot === true || u.is_app_user === true || u.id === 'USLACKBOT') {
      accounts.set(u.id as string, 'bot');
      report.skip(SKIP.botAccount);
      continue;
    }
    const deleted = u.deleted === true;
    if (deleted) report.accountsLeft++;
    accounts.set(u.id as string, net.addAccount({ left: deleted ? true : undefined }));
  }
  report.files.push({ file: usersFile, rows: accounts.size });

  // Conversations: a folder per channel (named by its name; by its id in some exports), per DM (by its id).
  const folders = new Map<string, number | 'private'>();
  for (const [file, isPrivate] of [
    ['channels.json', false],
    ['groups.json', true],
  ] as const) {
    const list = await readList(source, at(file), file === 'channels.json');
    for (const ch of list) {
      const members = Array.isArray(ch.members) ? ch.members.length : undefined;
      const g = net.addGroup({ private: isPrivate, members });
      folders.set(ch.id as string, g);
      if (typeof ch.name === 'string' && ch.name) folders.set(ch.name, g);
    }
    if (list.length || file === 'channels.json') report.files.push({ file: at(file), rows: list.length });
  }
  for (const file of ['dms.json', 'mpims.json']) {
    const list = await readList(source, at(file), false);
    for (const dm of list) {
      folders.set(dm.id as string, 'private');
      if (typeof dm.name === 'string' && dm.name) folders.set(dm.name, 'private');
    }
    if (list.length) report.files.push({ file: at(file), rows: list.length });
  }

  const dayFiles = source.files.filter((f) => f.startsWith(root) && DAY_FILE.test(f.slice(root.length)));
  const unknownFolders = new Set<string>();
  let read = 0;
  for (const file of dayFiles) {
    const [, folder] = DAY_FILE.exec(file.slice(root.length))!;
    const group = folders.get(folder!);
    if (group === undefined) {
      unknownFolders.add(folder!);
      continue;
    }
    const where = `${source.shown}: ${file}`;
    const messages = await readJsonFile(source, file);
    if (!Array.isArray(messages))
      throw new ScenarioError(
        `${where}: expected a JSON array of messages, got ${isObject(messages) ? 'an object' : typeof messages}`,
      );
    read++;
    let previous = -Infinity;
    messages.forEach((m, i) => {
      if (!isObject(m)) throw new ScenarioError(`${where}: message ${i + 1} is not an object`);
      const ts = typeof m.ts === 'string' ? Number(m.ts) : NaN;
      if (!Number.isFinite(ts) || ts <= 0)
        throw new ScenarioError(
          `${where}: message ${i + 1}: "ts" is missing or not a time; expected seconds since 1970 as text ` +
            `("1704103200.000100")`,
        );
      if (ts < previous)
        throw new ScenarioError(
          `${where}: message ${i + 1}: its "ts" comes before the message before it; expected the messages of ` +
            `a day in time order`,
        );
      previous = ts;
      report.messages++;
      const day = dayOf(ts * 1000);
      net.seen(day);
      if (group === 'private') return void report.skip(SKIP.private);
      const subtype = typeof m.subtype === 'string' ? m.subtype : '';
      if (SYSTEM_SUBTYPES.has(subtype)) return void report.skip(SKIP.system);
      if (DELETED_SUBTYPES.has(subtype)) return void report.skip(SKIP.deleted);
      if (subtype === 'bot_message' || (m.bot_id !== undefined && typeof m.user !== 'string'))
        return void report.skip(SKIP.bot);
      if (typeof m.user !== 'string' || !m.user)
        throw new ScenarioError(`${where}: message ${i + 1} has no "user"; expected the id of its author`);
      const author = accounts.get(m.user);
      if (author === undefined)
        throw new ScenarioError(
          `${where}: message ${i + 1}: its "user" matches no member of ${usersFile}; the export is ` +
            `incomplete or its files come from different exports`,
        );
      if (author === 'bot') return void report.skip(SKIP.bot);
      const reply = typeof m.thread_ts === 'string' && m.thread_ts !== m.ts;
      net.contribute(author as number, day, reply ? REPLY : POST, group);
      report.contributions++;
      if (!Array.isArray(m.reactions)) return;
      for (const r of m.reactions) {
        if (!isObject(r) || !Array.isArray(r.users)) continue;
        for (const u of r.users) {
          if (typeof u !== 'string') continue;
          const who = accounts.get(u);
          if (who === undefined)
            throw new ScenarioError(
              `${where}: message ${i + 1}: a reaction's user matches no member of ${usersFile}; the export ` +
                `is incomplete or its files come from different exports`,
            );
          if (who === 'bot') continue;
          net.contribute(who as number, day, REACTION, group);
          report.contributions++;
        }
      }
    });
  }
  if (unknownFolders.size) report.skip(SKIP.unknownFolder, unknownFolders.size);
  report.files.push({ file: `${root}<channel>/<day>.json`, rows: read });
}
