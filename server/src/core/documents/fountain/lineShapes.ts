// Tests on one trimmed line of Fountain: what could it be by its shape alone? Hot paths compare
// char codes; the few regular expressions are anchored and cannot backtrack badly.

// The Fountain prefixes, plus the Russian ИНТ./НАТ. (interior/exterior) that Cyrillic scripts use.
const HEADING_PREFIX = /^(?:int\.?\/ext|ext\.?\/int|i\/e|int|ext|est|инт\.?\/нат|нат\.?\/инт|инт|нат|экст)(?:\.|\s|$)/iu;

/** A scene heading by its prefix: INT, EXT, EST, INT./EXT, INT/EXT, I/E then a dot or space. */
export function hasSceneHeadingPrefix(line: string): boolean {
  const c = line.charCodeAt(0);
  const ascii = c | 0x20;
  if (ascii === 0x69 /* i */ || ascii === 0x65 /* e */) return HEADING_PREFIX.test(line);
  // И/и, Н/н, Э/э
  if (c === 0x418 || c === 0x438 || c === 0x41d || c === 0x43d || c === 0x42d || c === 0x44d) return HEADING_PREFIX.test(line);
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `.HEADING` forces a scene heading; `..` and `...` do not. */
export function isForcedSceneHeading(line: string): boolean {
  if (line.charCodeAt(0) !== 46 /* . */ || line.length < 2) return false;
  const next = line.charCodeAt(1);
  if (next === 46) return false;
  if (next < 128) return (next >= 48 && next <= 57) || ((next | 0x20) >= 97 && (next | 0x20) <= 122);
  return LETTER_OR_DIGIT.test(line[1]);
}

/** Splits a trailing scene number `#1A#` off a heading, if there is a well-formed one. */
export function splitSceneNumber(heading: string): { heading: string; sceneNumber?: string } {
  const end = heading.length - 1;
  if (end < 2 || heading.charCodeAt(end) !== 35 /* # */) return { heading };
  const open = heading.lastIndexOf('#', end - 1);
  if (open < 0 || open === end - 1) return { heading };
  const number = heading.slice(open + 1, end);
  if (!/^[\p{L}\p{N}.-]+$/u.test(number)) return { heading };
  return { heading: heading.slice(0, open).trimEnd(), sceneNumber: number };
}

/**
 * Upper-case by Fountain's rule: at least one cased letter and no lower-case letter. Letters
 * without case (CJK, digits) neither help nor hurt. Works for Cyrillic, Greek, accented Latin.
 */
export function isUpperCaseText(text: string): boolean {
  let cased = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) cased = true;
      continue;
    }
    const ch = text[i];
    const lower = ch.toLowerCase();
    if (lower !== ch) cased = true;
    else if (ch.toUpperCase() !== ch) return false;
  }
  return cased;
}

/** The name part of a cue (before any extension) is in capitals: `MARISOL (cont'd)` passes. */
export function isCharacterCue(line: string): boolean {
  let text = line;
  if (text.endsWith('^')) text = text.slice(0, -1);
  const paren = text.indexOf('(');
  if (paren === 0) return false;
  if (paren > 0) {
    if (!text.trimEnd().endsWith(')')) return false;
    text = text.slice(0, paren);
  }
  return isUpperCaseText(text);
}

/** `CUT TO:` and friends: capitals ending in `TO:`. */
export function isTransition(line: string): boolean {
  return line.endsWith('TO:') && isUpperCaseText(line);
}

/** `===` (three or more, nothing else) is a page break. */
export function isPageBreak(line: string): boolean {
  if (line.length < 3) return false;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) !== 61 /* = */) return false;
  return true;
}

/** A parenthetical inside dialogue: `(beat)`. */
export function isParenthetical(line: string): boolean {
  return line.charCodeAt(0) === 40 /* ( */ && line.charCodeAt(line.length - 1) === 41; /* ) */
}
