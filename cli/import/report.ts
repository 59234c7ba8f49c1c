/** What a reader met: the files it read, what it left out and why, and what it noticed once. */
export class ReadReport {
  readonly files: { file: string; rows: number }[] = [];
  readonly skipped = new Map<string, number>();
  readonly notes: string[] = [];
  private readonly said = new Set<string>();
  messages = 0;
  contributions = 0;
  accountsLeft = 0;

  skip(reason: string, n = 1): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + n);
  }

  /** A note said once, however many times it is met. */
  noteOnce(text: string): void {
    if (this.said.has(text)) return;
    this.said.add(text);
    this.notes.push(text);
  }
}

/** Reasons for leaving something out, as the summary says them. */
export const SKIP = {
  bot: 'messages of bots and apps',
  botAccount: 'bot and app accounts',
  pending: 'accounts never activated (pending)',
  deleted: 'deleted messages',
  version: 'previous versions of edited messages',
  private: 'private conversations (direct and group messages)',
  system: 'system messages (joins, leaves, topic changes)',
  external: 'files of external networks',
  unknownFolder: 'folders listed in no channel file',
  outside: 'contributions of accounts left out',
} as const;
