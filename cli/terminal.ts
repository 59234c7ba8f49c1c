/**
 * Text for a terminal. Names, descriptions and values come from files that travel between people: a
 * scenario named "\u001b]0;...\u0007" would retitle the terminal, "\u001b[2J" clear it, a carriage return
 * overwrite the line before it, a bidirectional override reorder what is shown. Every such character is
 * shown as its escape (\u001b) instead: visible, and inert.
 */

/** C0 controls but the newline, DEL, C1 controls, and the bidirectional marks and overrides. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text safe to print: control characters escaped, newlines kept (the layout is ours). */
export function visible(text: string): string {
  return text.replace(CONTROL, escaped);
}

/** One line safe to print: newlines escaped too (a name in a table, an error message). */
export function oneLine(text: string): string {
  return text.replace(CONTROL_OR_NEWLINE, escaped);
}

/** The colour codes a QR code for the terminal is drawn with (set and reset a background and a foreground). */
const SGR = /\u001b\[(?:0|30|37|40|47)m/g;

/**
 * A QR code drawn for the terminal (server/address.ts), printed as drawn: its colour codes (dark modules on
 * a light background, whatever the terminal's theme) pass, and nothing else that drives a terminal does; the
 * text is only ever made of the QR renderer's blocks, but any other control character is escaped all the same.
 */
export function visibleQr(text: string): string {
  const codes = text.match(SGR) ?? [];
  return text
    .split(SGR)
    .map((part, i) => visible(part) + (codes[i] ?? ''))
    .join('');
}
