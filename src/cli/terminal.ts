/**
 * Text for a terminal. Names, descriptions and values come from files that travel between people: a
 * scenario named "\u001b]0;...\u0007" would retitle the terminal, "\u001b[2J" clear it, a carriage return
 * overwrite the line before it, a bidirectional override reorder what is shown. Every such character is
 * shown as its escape (\u001b) instead: visible, and inert.
 */

/** C0 controls but the newline, DEL, C1 controls, and the bidirectional marks and overrides. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text safe to print: control characters escaped, newlines kept (the layout is ours). */
export function visible(text: string): string {
  return text.replace(CONTROL, escape);
}

/** One line safe to print: newlines escaped too (a name in a table, an error message). */
export function oneLine(text: string): string {
  return text.replace(CONTROL_OR_NEWLINE, escape);
}
