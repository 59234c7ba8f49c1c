/**
 * Where the command line writes: results and reports on stdout, notes and errors on stderr. Everything
 * goes through visible(): text that came from a file cannot drive the terminal.
 */
import { visible, visibleQr } from './terminal.ts';

export function print(text: string): void {
  const safe = visible(text);
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

export function note(text: string): void {
  const safe = visible(text);
  process.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** A QR code drawn for the terminal, with its own colour codes (and nothing else that drives a terminal). */
export function printQr(qr: string): void {
  const safe = visibleQr(qr);
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}
