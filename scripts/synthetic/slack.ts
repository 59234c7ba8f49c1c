/** The Slack workspace export: users, channels and groups as JSON lists, and a file per conversation and day. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Account, Each, Group } from './model.ts';

export async function writeSlack(
  folder: string,
  accounts: Account[],
  groups: Group[],
  each: Each,
  created: number,
): Promise<void> {
  const users = accounts.map((a) => ({
    id: a.id,
    team_id: 'T0001',
    name: a.email.split('@')[0],
    deleted: a.left !== undefined,
    real_name: a.name,
    tz_offset: a.zone * 60,
    profile: { real_name: a.name, display_name: a.name.split(' ')[0], email: a.email, title: 'Analyst "senior"' },
    is_bot: a.kind === 'bot',
    is_app_user: false,
  }));
  writeFileSync(join(folder, 'users.json'), '\uFEFF' + JSON.stringify(users, null, 2).replace(/\n/g, '\r\n'));
  const conv = (g: Group) => ({
    id: g.id,
    name: g.name,
    created: Math.floor(created / 1000) - 86400,
    creator: accounts[g.members[0] ?? 0]!.id,
    is_archived: false,
    is_general: g.index === 0,
    members: g.members.map((i) => accounts[i]!.id),
    topic: { value: `Talk of ${g.name}` },
    purpose: { value: '' },
  });
  writeFileSync(join(folder, 'channels.json'), JSON.stringify(groups.filter((g) => !g.private).map(conv), null, 1));
  writeFileSync(join(folder, 'groups.json'), JSON.stringify(groups.filter((g) => g.private).map(conv), null, 1));
  const dms = new Map<string, { id: string; members: string[] }>();
  writeFileSync(join(folder, 'integration_logs.json'), '[]');
  await each(async (ms) => {
    // One file per conversation and UTC day.
    const files = new Map<string, unknown[]>();
    for (const m of ms) {
      const a = accounts[m.author]!;
      let folderName = groups[m.group]!.name;
      let msg: Record<string, unknown>;
      if (m.kind === 'dm') {
        const pair = [a.id, accounts[m.dmWith!]!.id].sort();
        const id = `D${pair.join('')}`.slice(0, 11);
        if (!dms.has(id)) dms.set(id, { id, members: pair });
        folderName = id;
        msg = { type: 'message', user: a.id, text: m.text, ts: m.ts };
      } else if (m.kind === 'bot')
        msg = {
          type: 'message',
          subtype: 'bot_message',
          bot_id: 'B0BOT',
          username: 'Praise bot',
          text: m.text,
          ts: m.ts,
        };
      else if (m.kind === 'join')
        msg = {
          type: 'message',
          subtype: 'channel_join',
          user: a.id,
          text: `<@${a.id}> has joined the channel`,
          ts: m.ts,
        };
      else if (m.kind === 'deleted')
        msg = {
          type: 'message',
          subtype: 'tombstone',
          user: 'USLACKBOT',
          hidden: true,
          text: 'This message was deleted.',
          ts: m.ts,
          ...(m.replyTo ? { thread_ts: m.replyTo.ts } : {}),
        };
      else {
        msg = {
          client_msg_id: `c-${m.id}`,
          type: 'message',
          text: m.text,
          user: a.id,
          ts: m.ts,
          user_profile: { real_name: a.name, display_name: a.name.split(' ')[0] },
        };
        if (m.replyTo) Object.assign(msg, { thread_ts: m.replyTo.ts, parent_user_id: accounts[m.replyTo.author]!.id });
        if (m.edited) msg.edited = { user: a.id, ts: `${Math.floor(m.t / 1000) + 60}.000000` };
        if (m.reactions)
          msg.reactions = [
            { name: 'thumbsup', users: m.reactions.map((i) => accounts[i]!.id), count: m.reactions.length },
          ];
      }
      const day = new Date(Number(m.ts.split('.')[0]) * 1000).toISOString().slice(0, 10);
      const key = `${folderName}/${day}`;
      let list = files.get(key);
      if (!list) files.set(key, (list = []));
      list.push(msg);
    }
    for (const [key, list] of files) {
      const [dir] = key.split('/');
      mkdirSync(join(folder, dir!), { recursive: true });
      writeFileSync(join(folder, `${key}.json`), JSON.stringify(list, null, 4));
    }
  });
  writeFileSync(
    join(folder, 'dms.json'),
    JSON.stringify(
      [...dms.values()].map((d) => ({ ...d, created: Math.floor(created / 1000) })),
      null,
      1,
    ),
  );
  writeFileSync(join(folder, 'mpims.json'), '[]');
}
