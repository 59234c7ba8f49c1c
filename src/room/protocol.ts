/**
 * What travels between the workshop server (`orgsim serve`) and its pages, over one WebSocket each.
 *
 * Everything a page sends is untrusted: it is one JSON object per message, checked here by a zod schema
 * (strict objects: an unknown field is refused like a wrong type) after a size check on the raw bytes, before
 * anything acts on it. What the server sends is typed below; the pages put every text it carries into the
 * page as text (textContent), never as markup. Pure: no Node, no DOM.
 */
import { z } from 'zod';
import { show } from '../scenario/errors.ts';
import { checkName } from './names.ts';

export const LIMITS = {
  /** A message larger than this is refused and counted; the connection stays. */
  messageBytes: 1024,
  /** A WebSocket frame larger than this closes the connection at once (ws maxPayload). */
  frameBytes: 16 * 1024,
  nameChars: 32,
  /** Default and largest number of participants in a room. */
  participants: 60,
  maxParticipants: 200,
  /** Messages a second a participant may send (sustained), and the burst allowed above it. */
  perSecond: 5,
  burst: 10,
  /** The facilitator's page sends a little more (it drives the room). */
  facilitatorPerSecond: 20,
  facilitatorBurst: 40,
  /** Options of a vote, and how long it may last. */
  minOptions: 2,
  maxOptions: 4,
  minVoteSeconds: 10,
  maxVoteSeconds: 120,
  /** A connection that has said nothing useful by then is closed. */
  helloMs: 10_000,
} as const;

/** The speeds the facilitator can choose, in working days a second (the page's own speeds). */
export const SPEEDS = [1, 2, 5, 10, 20, 60] as const;

/** Room codes use letters and digits that cannot be mistaken for one another when read from a screen. */
export const ROOM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const roomCode = z.string().regex(/^[A-Z2-9]{4,8}$/, { error: 'a room code of 4 to 8 letters and digits' });
/** A name as the shared screen will show it (src/room/names.ts: normalized, visible, not a role of the room). */
const name = z
  .string()
  .max(LIMITS.nameChars, { error: `a name of at most ${LIMITS.nameChars} characters` })
  .transform((typed, ctx) => {
    const r = checkName(typed, LIMITS.nameChars);
    if (r.ok) return r.name;
    ctx.addIssue({ code: 'custom', message: r.why, input: typed });
    return z.NEVER;
  });
const secret = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'the secret this phone was given' });
const round = z.int().min(1).max(100_000);

/** What a participant's phone may send. */
export const JoinMessage = z.strictObject({ t: z.literal('join'), room: roomCode, name });
export const ResumeMessage = z.strictObject({ t: z.literal('resume'), room: roomCode, secret });
export const VoteMessage = z.strictObject({
  t: z.literal('vote'),
  round,
  option: z
    .int()
    .min(0)
    .max(LIMITS.maxOptions - 1),
});

/** What only the facilitator's page may do (after `host` with the right token). */
export const HostMessage = z.strictObject({ t: z.literal('host'), token: z.string().min(1).max(128) });
const facilitatorActions = [
  z.strictObject({ t: z.literal('play') }),
  z.strictObject({ t: z.literal('pause') }),
  z.strictObject({ t: z.literal('speed'), days: z.literal(SPEEDS) }),
  z.strictObject({
    t: z.literal('open-vote'),
    options: z
      .array(z.string().regex(/^[a-z0-9-]{1,40}$/))
      .min(LIMITS.minOptions)
      .max(LIMITS.maxOptions),
    seconds: z.int().min(LIMITS.minVoteSeconds).max(LIMITS.maxVoteSeconds),
  }),
  z.strictObject({ t: z.literal('close-vote') }),
  z.strictObject({ t: z.literal('cancel-vote') }),
  z.strictObject({ t: z.literal('kick'), participant: z.int().min(1).max(1_000_000) }),
  z.strictObject({ t: z.literal('replay') }),
  z.strictObject({ t: z.literal('close') }),
] as const;

export const ClientMessage = z.discriminatedUnion('t', [
  JoinMessage,
  ResumeMessage,
  VoteMessage,
  HostMessage,
  ...facilitatorActions,
]);
export type ClientMessage = z.output<typeof ClientMessage>;
export type FacilitatorAction = Exclude<ClientMessage, { t: 'join' | 'resume' | 'vote' | 'host' }>;

/** Why a message was refused: the counters the facilitator sees. */
export type Refusal =
  | 'oversized'
  | 'malformed'
  | 'invalid'
  | 'flood'
  | 'unauthorized'
  | 'badToken'
  | 'wrongRoom'
  | 'full'
  | 'notJoined'
  | 'rejected';

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; refusal: Refusal; reason: string };

/**
 * Bytes to a checked message, or why not in one line naming the field, the value and what is allowed. The
 * size is checked before anything is decoded, so an oversized message costs nothing.
 */
export function parseClientMessage(bytes: Uint8Array | string): Parsed {
  const size = typeof bytes === 'string' ? new TextEncoder().encode(bytes).length : bytes.length;
  if (size > LIMITS.messageBytes)
    return {
      ok: false,
      refusal: 'oversized',
      reason: `message of ${size} bytes refused; at most ${LIMITS.messageBytes} bytes`,
    };
  let value: unknown;
  try {
    value = JSON.parse(typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, refusal: 'malformed', reason: 'message refused: expected one JSON object' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, refusal: 'malformed', reason: `message ${show(value)} refused: expected one JSON object` };
  const r = ClientMessage.safeParse(value);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys')
    return { ok: false, refusal: 'invalid', reason: `unknown field "${issue.keys[0]}" refused` };
  if (path === 't' || path === '')
    return {
      ok: false,
      refusal: 'invalid',
      reason: `t = ${show((value as { t?: unknown }).t)} is not a known message`,
    };
  const got = path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
  return {
    ok: false,
    refusal: 'invalid',
    reason: `${path} = ${escapeInvisible(show(got))} is not allowed; expected ${describeIssue(issue)}`,
  };
}

/**
 * The refused value as the sender typed it, its invisible characters written out (\u200b): the reason shows what was
 * wrong.
 */
function escapeInvisible(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array' ? `at most ${String(issue.maximum)} items` : `at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${String(issue.minimum)} items` : `at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => show(v)).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/^expected /, '');
  }
}

// ---------------------------------------------------------------------------------------------------------
// What the server sends (JSON). Texts are shown as text.

export type Phase = 'waiting' | 'playing' | 'paused' | 'vote' | 'ended' | 'closed';

/** Who a participant is in the run: one employee of the simulated organization. */
export interface RoleCard {
  employee: number;
  role: 'member' | 'manager' | 'owner';
  team: number;
  department: number;
  teamSize: number;
  /** "A member of team 27 in department 3 (8 people)". */
  text: string;
}

export interface NumberView {
  label: string;
  value: string;
}

export interface VoteOption {
  id: string;
  label: string;
  /** The seed sentence the option plays out. */
  seed: string;
}

export interface VoteView {
  round: number;
  options: VoteOption[];
  /** Milliseconds left when the message was sent. */
  endsIn: number;
}

export interface DecisionView {
  round: number;
  tick: number;
  choice: string;
  label: string;
  /** The option's label, e.g. "Hire an SMM". */
  title: string;
  set: Record<string, number | boolean | string>;
  /** Votes per option, in the order they were offered. */
  votes: { id: string; label: string; count: number }[];
  voters: number;
}

export type ToPhone =
  | { t: 'welcome'; id: number; secret: string; name: string; room: string; role: RoleCard }
  | {
      t: 'state';
      phase: Phase;
      tick: number;
      horizon: number;
      vote: VoteView | null;
      myVote: number | null;
      decision: DecisionView | null;
      numbers: NumberView[];
    }
  | { t: 'voted'; round: number; option: number }
  | { t: 'refused'; refusal: Refusal; reason: string }
  | { t: 'bye'; reason: 'kicked' | 'closed' | 'full' | 'replaced' | 'wrongRoom' | 'unknown'; text: string };

export interface ParticipantView {
  id: number;
  name: string;
  connected: boolean;
  role: string;
  voted: boolean;
}

export interface RoomView {
  t: 'room';
  phase: Phase;
  speed: number;
  participants: ParticipantView[];
  vote: (VoteView & { tally: number[]; voters: number }) | null;
  decisions: DecisionView[];
  refused: Record<Refusal, number>;
  /** Connections closed by the server: frames over the size limit, floods, silent connections, too many. */
  dropped: number;
  maxParticipants: number;
}

/** Typed arrays cross as base64 (little-endian, as both ends are). */
export interface EncodedLayout {
  employees: number;
  teams: number;
  departments: number;
  team: string;
  department: string;
  role: string;
  groupKind: string;
  groupTopic: string;
  groupSize: string;
}

export interface EncodedAgents {
  tick: number;
  state: string;
  contributions: string;
  groupShare: string;
}

/**
 * Ticks [from, to) of every series, in SERIES order: series k at tick from + j is value k * (to - from) + j
 * of a Float64Array sent as base64, so every double arrives exactly (NaN included, which JSON would lose).
 */
export interface SeriesChunk {
  from: number;
  to: number;
  data: string;
}

export type ToFacilitator =
  | {
      t: 'hosted';
      room: string;
      joinUrl: string;
      qr: { size: number; bits: string };
      /** The scenario's own scheduled changes are markers too. */
      scenario: { name: string; description: string; interventions: { at: number; label: string }[] };
      seed: number;
      horizon: number;
      seriesNames: string[];
      events: VoteOption[];
      layout: EncodedLayout;
      replayFile: string;
    }
  | {
      t: 'frame';
      tick: number;
      done: boolean;
      main: SeriesChunk;
      ghost: (SeriesChunk & { label: string; restart: boolean }) | null;
      agents: EncodedAgents | null;
    }
  | RoomView
  | { t: 'replay'; file: string; text: string }
  | { t: 'notice'; text: string }
  | { t: 'refused'; refusal: Refusal; reason: string }
  | { t: 'closed'; replayFile: string };
