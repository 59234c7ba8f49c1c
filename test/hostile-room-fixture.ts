/**
 * The live room that test/hostile-room.test.ts and test/hostile-room-siege.test.ts attack: a workshop server on
 * loopback with a facilitator and five seated bystanders who must never notice anything, a distinct loopback
 * address for each machine, and the sockets a test opened (closed after the file's tests).
 */
import { afterAll, beforeAll } from 'vitest';
import { rmSync } from 'node:fs';
import { Client, facilitator, participant, startRoom } from './room-client.ts';
import type { Workshop } from '../server/workshop.ts';

/** Raw control, format and separator characters: none may reach a reason shown on a page. */
export const RAW = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export let workshop: Workshop;
export let wsUrl: string;
let dir: string;
export let host: Client;
/** Seated before anything hostile happens: they must never notice it. */
export const bystanders: { client: Client; id: number }[] = [];
export const opened: Client[] = [];
/** A distinct loopback address for each machine of the room. */
let machine = 0;
export const nextAddress = () => {
  machine++;
  return `127.${10 + (machine >> 16)}.${(machine >> 8) & 255}.${machine & 255 || 1}`;
};

/** Starts the room, its facilitator and bystanders before the calling test file's tests; closes all after. */
export function useHostileRoom(): void {
  beforeAll(async () => {
    ({ workshop, wsUrl, dir } = await startRoom({ maxParticipants: 120 }));
    host = await facilitator(wsUrl, workshop.token);
    for (let k = 0; k < 5; k++)
      bystanders.push(await participant(wsUrl, workshop.code, `Bystander ${k}`, nextAddress()));
  });
  afterAll(async () => {
    for (const c of [host, ...bystanders.map((b) => b.client), ...opened]) c?.close();
    await workshop?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

/** What the bystanders and the facilitator have been told so far that a refusal could have caused. */
export function noticed(): string[] {
  const out: string[] = [];
  for (const b of bystanders) {
    for (const m of b.client.messages) if (m.t === 'refused' || m.t === 'bye') out.push(`bystander ${b.id}: ${m.t}`);
    if (b.client.closed) out.push(`bystander ${b.id}: closed ${b.client.closed.code}`);
    if (!workshop.room.get(b.id)?.connected) out.push(`bystander ${b.id}: away`);
  }
  for (const m of host.messages)
    if (m.t === 'refused' || m.t === 'bye' || m.t === 'closed') out.push(`facilitator: ${m.t}`);
  if (host.closed) out.push('facilitator: closed');
  return out;
}

export async function open(address = nextAddress()): Promise<Client> {
  const c = await Client.open(wsUrl, {}, address);
  opened.push(c);
  return c;
}
