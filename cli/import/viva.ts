/**
 * Reading a Viva Engage (Yammer) network data export: a zip of CSV files, one per model (Microsoft Learn,
 * "Export data in the Viva Engage admin center" and "Network Data Export API"). Users.csv and Groups.csv are
 * read first, then Messages.csv as a stream: each message becomes a contribution of its sender in its group
 * on its UTC day, and nothing else of it is kept (no body, no name, no e-mail: those columns are not read).
 *
 * Left out, and counted for the summary: messages of senders that are not users (bots, apps, the system),
 * deleted messages, messages in private conversations (direct messages: no group), previous versions of an
 * edited message (the export holds every version under the message's id), and accounts never activated. A
 * sender or a group that the users or groups file does not have is a damaged export: refused.
 */
import { ScenarioError } from '../../src/scenario/errors.ts';
import { dayOf, parseInstant } from '../../src/import/calendar.ts';
import { POST, REPLY, type Network } from '../../src/import/network.ts';
import { readCsv } from './csv.ts';
import { IdHasher, IdTable, SeenIds } from './ids.ts';
import { SKIP, type ReadReport } from './report.ts';
import type { ExportSource } from './source.ts';

export const VIVA_FILES = { users: 'users.csv', groups: 'groups.csv', messages: 'messages.csv' } as const;

export const USERS_COLUMNS = {
  required: ['id', 'state', 'joined_at'],
  known: [
    'job_title',
    'location',
    'department',
    'api_url',
    'name',
    'email',
    'deleted_by_id',
    'deleted_by_type',
    'deleted_at',
    'suspended_by_id',
    'suspended_by_type',
    'suspended_at',
    'guest',
    'network_id',
  ],
};
export const GROUPS_COLUMNS = {
  required: ['id', 'private'],
  known: [
    'name',
    'description',
    'deleted',
    'api_url',
    'created_at',
    'updated_at',
    'network_id',
    'type',
    'external',
    'moderated',
    'joined_at',
  ],
};
export const MESSAGES_COLUMNS = {
  required: ['id', 'replied_to_id', 'thread_id', 'group_id', 'sender_id', 'created_at'],
  known: [
    'conversation_id',
    'group_name',
    'participants',
    'in_private_group',
    'in_private_conversation',
    'sender_type',
    'sender_name',
    'sender_email',
    'body',
    'api_url',
    'attachments',
    'deleted_by_id',
    'deleted_by_type',
    'deleted_at',
    'title',
    'network_id',
    'story_id',
    'message_type',
    'updated_at',
  ],
};

/** The shallowest file of each name (case-insensitive): deeper ones are external networks' folders. */
export function findVivaFiles(
  source: ExportSource,
  report: ReadReport,
): Record<keyof typeof VIVA_FILES, string> | undefined {
  const found: Partial<Record<keyof typeof VIVA_FILES, string>> = {};
  const depth = (f: string) => f.split('/').length;
  for (const key of Object.keys(VIVA_FILES) as (keyof typeof VIVA_FILES)[]) {
    const matches = source.files
      .filter((f) => f.split('/').pop()!.toLowerCase() === VIVA_FILES[key])
      .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
    if (matches.length) found[key] = matches[0];
    if (key === 'messages' && matches.length > 1) report.skip(SKIP.external, matches.length - 1);
  }
  return found.messages || found.users ? (found as Record<keyof typeof VIVA_FILES, string>) : undefined;
}

const truthy = (s: string | undefined) => s !== undefined && /^(true|t|1|yes)$/i.test(s.trim());

export async function readViva(
  source: ExportSource,
  net: Network,
  report: ReadReport,
  hasher = new IdHasher(),
): Promise<void> {
  const found: Partial<Record<keyof typeof VIVA_FILES, string>> = findVivaFiles(source, report) ?? {};
  for (const key of ['users', 'groups', 'messages'] as const) {
    if (!found[key]) {
      throw new ScenarioError(
        `${source.shown}: no ` +
          `${key === 'users' ? 'Users.csv' : key === 'groups' ? 'Groups.csv' : 'Messages.csv'} in the export; ` +
          `a Viva Engage network data export has Users.csv, Groups.csv and Messages.csv`,
      );
    }
  }
  const files = found as Record<keyof typeof VIVA_FILES, string>;
  const accounts = new IdTable<'pending'>(hasher);
  const departments = new IdTable(hasher);

  // Users.csv: every account, its state and its days.
  {
    let c: Record<string, number> = {};
    await readCsv(
      source,
      files.users,
      USERS_COLUMNS,
      report,
      (cells, problem) => {
        const id = cells[c.id!]!.trim();
        if (!id) problem(`the id is empty`);
        const state = cells[c.state!]!.trim().toLowerCase();
        if (state === 'pending') {
          accounts.set(id, 'pending');
          report.skip(SKIP.pending);
          return;
        }
        const date = (col: string) => {
          const i = c[col];
          const text = i === undefined ? '' : cells[i]!.trim();
          if (!text) return undefined;
          const ms = parseInstant(text);
          if (Number.isNaN(ms))
            problem(
              `${col} ${JSON.stringify(text.slice(0, 40))} is not a date; expected ISO 8601 (2024-03-01T09:30:00Z)`,
            );
          return dayOf(ms);
        };
        const joined = date('joined_at');
        const gone = date('deleted_at') ?? date('suspended_at');
        const leftState = state === 'soft_delete' || state === 'deleted' || state === 'suspended';
        if (leftState) report.accountsLeft++;
        let department: number | undefined;
        const dep = c.department === undefined ? '' : cells[c.department]!.trim();
        if (dep) {
          const known = departments.get(dep);
          if (known === undefined) departments.set(dep, (department = departments.size));
          else department = known as number;
        }
        accounts.set(id, net.addAccount({ joined, left: gone ?? (leftState ? true : undefined), department }));
      },
      (index) => (c = Object.fromEntries(index)),
    );
  }

  // Groups.csv: each group and whether it is private. Messages without a group are the network's feed.
  const groups = new IdTable(hasher);
  const feed = net.addGroup({ private: false });
  {
    let c: Record<string, number> = {};
    await readCsv(
      source,
      files.groups,
      GROUPS_COLUMNS,
      report,
      (cells, problem) => {
        const id = cells[c.id!]!.trim();
        if (!id) problem(`the id is empty`);
        groups.set(id, net.addGroup({ private: truthy(cells[c.private!]) }));
      },
      (index) => (c = Object.fromEntries(index)),
    );
  }

  // Messages.csv, streamed.
  {
    let c: Record<string, number> = {};
    const seen = new SeenIds(hasher);
    let previous = -Infinity;
    let previousText = '';
    await readCsv(
      source,
      files.messages,
      MESSAGES_COLUMNS,
      report,
      (cells, problem) => {
        report.messages++;
        const created = cells[c.created_at!]!;
        const ms = parseInstant(created);
        if (Number.isNaN(ms))
          problem(
            `created_at ${JSON.stringify(created.slice(0, 40))} is not a date; expected ISO 8601 ` +
              `(2024-03-01T09:30:00Z)`,
          );
        if (ms < previous) {
          problem(
            `created_at ${created.trim()} comes before ${previousText} on the line before; expected the ` +
              `messages in time order`,
          );
        }
        previous = ms;
        previousText = created.trim();
        const day = dayOf(ms);
        net.seen(day);
        const id = cells[c.id!]!.trim();
        if (!seen.add(id)) return void report.skip(SKIP.version);
        if (c.deleted_at !== undefined && cells[c.deleted_at]!.trim()) return void report.skip(SKIP.deleted);
        const group = cells[c.group_id!]!.trim();
        if (
          (c.in_private_conversation !== undefined && truthy(cells[c.in_private_conversation])) ||
          (!group && c.participants !== undefined && cells[c.participants]!.trim())
        ) {
          return void report.skip(SKIP.private);
        }
        if (c.sender_type !== undefined) {
          const type = cells[c.sender_type]!.trim().toLowerCase();
          if (type && type !== 'user') return void report.skip(SKIP.bot);
        }
        const sender = accounts.get(cells[c.sender_id!]!.trim());
        if (sender === undefined)
          problem(
            `sender_id matches no user of ${files.users}; the export is incomplete or its files come from ` +
              `different exports`,
          );
        if (sender === 'pending') return void report.skip(SKIP.outside);
        let g = feed;
        if (group) {
          const found = groups.get(group);
          if (found === undefined)
            problem(
              `group_id matches no group of ${files.groups}; the export is incomplete or its files come from ` +
                `different exports`,
            );
          g = found as number;
        }
        net.contribute(sender as number, day, cells[c.replied_to_id!]!.trim() ? REPLY : POST, g);
        report.contributions++;
      },
      (index) => (c = Object.fromEntries(index)),
    );
  }
}
