/**
 * A participant's name, as the shared screen will show it. Names are typed on phones by anyone in the room,
 * so a name must read as what it is: one visible line, not a role of the room in disguise.
 *
 * - NFKC first: compatibility forms (fullwidth letters, ligatures, the ideographic space) become the
 *   ordinary characters they display as, so the checks below see what the screen shows.
 * - Refused: control characters, format characters (Unicode Cf: zero-width spaces and joiners, soft hyphen,
 *   word joiner, byte-order mark, bidirectional marks and overrides), line and paragraph separators, other
 *   characters that display as nothing (Hangul fillers, the blank Braille pattern...), runs of more than
 *   MAX_MARKS combining marks on one character, a name with no visible character, and a name that reads as a
 *   role of the room (Facilitator, Host, Admin... after case folding and the usual look-alike letters).
 * - A zero-width joiner between two pictographs is kept: it is how emoji such as a family are written.
 *
 * Whitespace runs become one space and the name is trimmed. Pure: no Node, no DOM.
 */

/** Combining marks allowed in a row on one character (Vietnamese and most scripts need at most 2 or 3). */
export const MAX_MARKS = 4;

/** Words that name a role of the room: a participant called so would speak for the facilitator on screen. */
export const ROOM_ROLES: readonly string[] = [
  'facilitator',
  'facilitatrice',
  'host',
  'moderator',
  'admin',
  'administrator',
  'organizer',
  'organiser',
  'presenter',
  'orgsim',
  'system',
  'server',
  'animateur',
  'animatrice',
];

const CONTROL = /\p{Cc}/u;
const LINE_BREAK = /[\p{Zl}\p{Zp}]/u;
/** Format characters, except a zero-width joiner between pictographs (an emoji sequence). */
const FORMAT = /\p{Cf}/u;
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;
/** Characters that display as nothing but are not Cf (Hangul fillers, the combining grapheme joiner...). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/u;
/** Variation selectors 15 and 16 choose text or emoji presentation: kept. */
const PRESENTATION = /[\uFE0E\uFE0F]/gu;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_MARKS + 1},}`, 'u');
const NOT_SEEN = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}\p{Cf}\u2800]/gu;

/** Look-alike letters of other scripts, and digits written for letters, as the Latin letter they pass for. */
const LOOK_ALIKE: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  к: 'k',
  м: 'm',
  т: 't',
  н: 'h',
  в: 'b',
  α: 'a',
  ε: 'e',
  ο: 'o',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  τ: 't',
  υ: 'u',
  χ: 'x',
  η: 'n',
  μ: 'm',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  l: 'i',
};
/** Signs that may stand for a letter inside a word (F@cilitator), or end a sentence (Facilitator!). */
const SIGN_FOR_LETTER: Record<string, string> = { '@': 'a', $: 's', '!': 'i', '|': 'i' };

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * How a text reads: lower case, marks dropped, look-alikes as the letters they pass for (l and 1 as i),
 * and the signs of SIGN_FOR_LETTER either as letters or as word breaks.
 */
function skeletons(text: string): string[] {
  // Twice: a look-alike of l (Cyrillic palochka) then reads as i, as l does.
  const plain = [...text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()].map(
    (c) => LOOK_ALIKE[LOOK_ALIKE[c] ?? c] ?? LOOK_ALIKE[c] ?? c,
  );
  // A sign stands for a letter before a letter ($ystem, F@cilitator, C|ll), else it ends a word (Host!).
  const wordish = (c: string | undefined) => c !== undefined && (/[\p{L}\p{N}]/u.test(c) || c in SIGN_FOR_LETTER);
  const inWords = plain.map((c, i) => (c in SIGN_FOR_LETTER ? (wordish(plain[i + 1]) ? SIGN_FOR_LETTER[c]! : ' ') : c));
  return [inWords.join(''), plain.join('')];
}

const ROLE_SKELETONS = new Map(ROOM_ROLES.map((r) => [skeletons(r)[1]!, r]));

/** The role a name reads as (a word of it, or all its letters run together), or undefined. */
export function roleOf(name: string): string | undefined {
  for (const s of skeletons(name)) {
    const words = s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const w of [...words, words.join('')]) {
      const role = ROLE_SKELETONS.get(w);
      if (role) return role;
    }
  }
  return undefined;
}

export type NameCheck = { ok: true; name: string } | { ok: false; why: string };

/** A typed name as the room will show it, or why it is refused (phrased as what is expected). */
export function checkName(typed: string, maxChars: number): NameCheck {
  const text = typed.normalize('NFKC');
  const control = CONTROL.exec(text);
  if (control) return { ok: false, why: 'a name without control characters' };
  const line = LINE_BREAK.exec(text);
  if (line) return { ok: false, why: `a name on one line (without ${codePoint(line[0])})` };
  const format = FORMAT.exec(text.replace(EMOJI_JOINER, ''));
  if (format) return { ok: false, why: `a name without invisible formatting characters (${codePoint(format[0])})` };
  const invisible = INVISIBLE.exec(text.replace(PRESENTATION, '').replace(EMOJI_JOINER, ''));
  if (invisible)
    return { ok: false, why: `a name without characters that show as nothing (${codePoint(invisible[0])})` };
  if (MARK_RUN.test(text))
    return { ok: false, why: `a name without long runs of combining marks (at most ${MAX_MARKS} on one character)` };
  const name = text.replace(/\s+/gu, ' ').trim();
  if (name.replace(NOT_SEEN, '') === '') return { ok: false, why: 'a name with at least one visible character' };
  if (name.length > maxChars) return { ok: false, why: `a name of at most ${maxChars} characters` };
  const role = roleOf(name);
  if (role) return { ok: false, why: `a name of your own, not one that reads as a role of the room ("${role}")` };
  return { ok: true, name };
}
