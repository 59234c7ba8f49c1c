/**
 * The hostile corpus of the workshop room (issue 22, families 6 and 7), run against a live server by
 * test/hostile-room.test.ts: names that would disguise themselves on the shared screen, and sockets that
 * would keep the room shut. Every name case is refused to its sender alone (a `refused` message, nobody else
 * told, nobody seated); every socket case leaves the seated participants and the facilitator as they were.
 */

export interface NameCase {
  id: string;
  name: string;
  expect: RegExp;
}

const ZW = '\u200b';
const cases: NameCase[] = [];
const add = (id: string, name: string, expect: RegExp) => cases.push({ id, name, expect });

// Format characters (Unicode Cf), wherever they are.
add('zero-width spaces only', ZW.repeat(3), /without invisible formatting characters \(U\+200B\)/);
add(
  'Facilitator with a word joiner, a soft hyphen and a byte-order mark',
  'Fa\u2060cil\u00ADitator\uFEFF',
  /without invisible formatting characters/,
);
add('a zero-width space inside a name', `Al${ZW}ice`, /U\+200B/);
add('a zero-width non-joiner', 'Bo\u200cb', /U\+200C/);
add('a zero-width joiner between letters', 'Bo\u200db', /U\+200D/);
add('a right-to-left override', 'x\u202eevil', /U\+202E/);
add('a left-to-right mark', '\u200eBob', /U\+200E/);
add('an Arabic letter mark', 'Bob\u061c', /U\+061C/);
add('a first-strong isolate', '\u2068Bob\u2069', /U\+2068/);
add('a soft hyphen alone', '\u00ad', /U\+00AD/);
add('a byte-order mark at the end (trimmed by a naive trim)', 'Bob\ufeff', /U\+FEFF/);
add('a Mongolian vowel separator', 'Bob\u180e', /U\+180E/);
add('a tag character', 'Bob\u{E0041}', /U\+E0041/);
add('an invisible times', 'a\u2062b', /U\+2062/);
// Line and paragraph separators.
add('a line separator', 'Bob\u2028Alice', /on one line \(without U\+2028\)/);
add('a paragraph separator', 'Bob\u2029', /on one line \(without U\+2029\)/);
add('a next-line control', 'Bob\u0085Alice', /without control characters/);
add('a newline', 'Bob\nAlice', /without control characters/);
// Characters that show as nothing but are not Cf.
add('Hangul fillers', '\u3164\u3164', /show as nothing \(U\+1160\)|show as nothing \(U\+3164\)/);
add('a halfwidth Hangul filler', 'Bob\uffa0', /show as nothing/);
add('the blank Braille pattern', '\u2800', /show as nothing \(U\+2800\)/);
add('a combining grapheme joiner', 'Bo\u034fb', /show as nothing \(U\+034F\)/);
add('a variation selector on a letter', 'Bob\ufe01', /show as nothing \(U\+FE01\)/);
// Combining marks.
add('31 combining marks', `a${'\u0301'.repeat(31)}`, /long runs of combining marks/);
add(
  '6 combining marks on one letter (none composes with q)',
  `q${'\u0300\u0301\u0302\u0303\u0304\u0306'}`,
  /long runs of combining marks/,
);
add('combining marks only', '\u0301\u0302', /at least one visible character/);
// Empty once invisible characters are removed.
add('the empty name', '', /at least one visible character/);
add('spaces only', '     ', /at least one visible character/);
add('no-break and ideographic spaces only', '\u00a0\u3000\u2003', /at least one visible character/);
// Names that read as a role of the room.
add('Facilitator', 'Facilitator', /reads as a role of the room \("facilitator"\)/);
add('FACILITATOR in fullwidth letters (NFKC)', 'ＦＡＣＩＬＩＴＡＴＯＲ', /role of the room \("facilitator"\)/);
add('facilitator with a Cyrillic a', 'F\u0430cilitator', /role of the room \("facilitator"\)/);
add('facilitator with a Greek omicron', 'Facilitat\u03bfr', /role of the room \("facilitator"\)/);
add('facilitator with digits for letters', 'F4cil1tat0r', /role of the room \("facilitator"\)/);
add('facilitator spaced out', 'f a c i l i t a t o r', /role of the room \("facilitator"\)/);
add('facilitator with accents', 'Fàcílítàtör', /role of the room \("facilitator"\)/);
add('the facilitator, as a word of the name', 'the Facilitator', /role of the room \("facilitator"\)/);
add('Host', 'Host', /role of the room \("host"\)/);
add('host in parentheses', 'Bob (host)', /role of the room \("host"\)/);
add('Admin with a trailing dot', 'admin.', /role of the room \("admin"\)/);
add('Moderator in capitals', 'MODERATOR', /role of the room \("moderator"\)/);
add('Organiser', 'Organiser', /role of the room \("organiser"\)/);
add('orgsim itself', 'OrgSim', /role of the room \("orgsim"\)/);
add('System', 'system', /role of the room \("system"\)/);
add('Presenter with a Cyrillic e', 'Pr\u0435senter', /role of the room \("presenter"\)/);
add('facilitator in the ℱ script letter (NFKC)', 'ℱacilitator', /role of the room \("facilitator"\)/);
// Length after normalization: a compatibility character that expands.
add('a name that grows past 32 characters under NFKC', '\ufdfa\ufdfa', /at most 32 characters/);

export const NAME_CASES: readonly NameCase[] = cases;

/** Names that look unusual but are people's names: each is seated, as typed (NFKC), never refused. */
export const GOOD_NAMES: readonly [typed: string, shown: string][] = [
  ['José', 'José'],
  ['Nguyễn Văn An', 'Nguyễn Văn An'],
  ['Zoë', 'Zoë'],
  ['李小龍', '李小龍'],
  ['Ahmed محمد', 'Ahmed محمد'],
  ['\u{1F468}\u200d\u{1F469}\u200d\u{1F467} family', '\u{1F468}\u200d\u{1F469}\u200d\u{1F467} family'],
  ['❤️ Ana', '❤️ Ana'],
  ['Ｂｏｂ', 'Bob'],
  ['  Spaced   out  ', 'Spaced out'],
  ['Badminton fan', 'Badminton fan'],
  ['Hostel', 'Hostel'],
  ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
];
