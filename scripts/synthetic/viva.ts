/** The Viva Engage network data export: Users.csv, Groups.csv and Messages.csv (streamed), with their quirks. */
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { localIso, type Account, type Each, type Group } from './model.ts';

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Text written to a stream in large pieces, waiting when the stream asks to. */
class Lines {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly stream: WriteStream) {}
  async write(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const ok = this.stream.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.stream, 'drain');
  }
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function writeViva(folder: string, accounts: Account[], groups: Group[], each: Each): Promise<void> {
  const CRLF = '\r\n';
  const BOM = '\uFEFF';
  const users = [
    'id,job_title,location,department,api_url,name,email,joined_at,deleted_by_id,deleted_by_type,state,' +
      'suspended_by_id,suspended_by_type,suspended_at,deleted_at',
  ];
  for (const a of accounts) {
    if (a.kind === 'bot') continue; // apps post as non-user senders
    const state =
      a.kind === 'pending'
        ? 'pending'
        : a.leftHow === 'deleted'
          ? 'soft_delete'
          : a.leftHow === 'suspended'
            ? 'suspended'
            : 'active';
    const left = a.left === undefined ? '' : localIso(a.left, a.zone);
    users.push(
      [
        a.id,
        'Analyst, "senior"',
        'Lyon',
        a.department,
        `https://www.yammer.com/api/v1/users/${a.id}`,
        a.name,
        a.email,
        localIso(a.joined, a.zone),
        a.leftHow === 'deleted' ? '1' : '',
        a.leftHow === 'deleted' ? 'User' : '',
        state,
        a.leftHow === 'suspended' ? '1' : '',
        a.leftHow === 'suspended' ? 'User' : '',
        a.leftHow === 'suspended' ? left : '',
        a.leftHow === 'deleted' ? left : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  writeFileSync(join(folder, 'Users.csv'), BOM + users.join(CRLF) + CRLF);
  const gs = ['id,name,description,private,deleted,api_url'];
  for (const g of groups)
    if (!g.feed)
      gs.push(
        [
          g.id,
          g.name,
          `About ${g.name}, "really"\nsecond line`,
          g.private ? 'true' : 'false',
          'false',
          `https://www.yammer.com/api/v1/groups/${g.id}`,
        ]
          .map(csvCell)
          .join(','),
      );
  writeFileSync(join(folder, 'Groups.csv'), BOM + gs.join(CRLF) + CRLF);
  writeFileSync(join(folder, 'log.txt'), 'Export completed\n');
  writeFileSync(join(folder, 'request.txt'), 'since=2024-01-01\n');
  const out = new Lines(createWriteStream(join(folder, 'Messages.csv')));
  await out.write(
    BOM +
      'id,replied_to_id,thread_id,conversation_id,group_id,group_name,participants,in_private_group,' +
      'in_private_conversation,sender_id,sender_type,sender_name,sender_email,body,api_url,attachments,' +
      'deleted_by_id,deleted_by_type,created_at,deleted_at' +
      CRLF,
  );
  await each(async (ms) => {
    for (const m of ms) {
      const a = accounts[m.author]!;
      const g = groups[m.group]!;
      const dm = m.kind === 'dm';
      const isBot = m.kind === 'bot';
      const row = [
        m.id,
        m.replyTo?.id ?? '',
        m.replyTo?.id ?? m.id,
        '',
        dm || g.feed || isBot ? '' : g.id,
        dm || g.feed || isBot ? '' : g.name,
        dm ? `user:${a.id},user:${accounts[m.dmWith!]!.id}` : '',
        g.private && !dm ? 'true' : 'false',
        dm ? 'true' : 'false',
        isBot ? '900' : a.id,
        isBot ? 'bot' : 'user',
        isBot ? 'Praise bot' : a.name,
        isBot ? '' : a.email,
        m.text,
        `https://www.yammer.com/api/v1/messages/${m.id}`,
        '',
        m.kind === 'deleted' ? a.id : '',
        m.kind === 'deleted' ? 'User' : '',
        localIso(m.t, a.zone),
        m.kind === 'deleted' ? localIso(m.t + 60_000, a.zone) : '',
      ]
        .map(csvCell)
        .join(',');
      await out.write(row + CRLF);
      // The previous version of an edited message: the same id, its older text.
      if (m.edited) await out.write(row.replace('Zephyr note', 'Zephyr draft') + CRLF);
    }
  });
  await out.end();
}
