// Where a scene is set, read from its heading: "INT. LIGHTHOUSE - LAMP ROOM - NIGHT #12#" is
// set in "LIGHTHOUSE - LAMP ROOM", a part of "LIGHTHOUSE". The time of day, the INT./EXT.
// prefix and scene numbers say nothing about the place and are removed.

export interface HeadingParts {
  /** INT, EXT, INT/EXT or EST when the heading starts with such a prefix. */
  intExt?: 'INT' | 'EXT' | 'INT/EXT' | 'EST';
  /** Upper case, separators normalised to " - ", time of day removed. */
  location: string;
  /** The time-of-day segments that were removed, as written (upper case). */
  timeOfDay?: string;
}

const PREFIX = /^(INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|I\s*\/\s*E|ИНТ\.?\s*\/\s*НАТ|НАТ\.?\s*\/\s*ИНТ|INT|EXT|EST|ИНТ|НАТ|ЭКСТ)(?:\.|\s|$)\.?\s*/;

// Words that make up a time of day ("LATER THAT MORNING", "A FEW DAYS LATER", "CONTINUOUS").
// A segment is a time of day when every word is in TIME_WORDS or FILLER and one is in TIME_WORDS.
const TIME_WORDS = new Set([
  'DAY', 'NIGHT', 'DAWN', 'DUSK', 'MORNING', 'AFTERNOON', 'EVENING', 'NOON', 'MIDDAY', 'MIDNIGHT',
  'SUNRISE', 'SUNSET', 'TWILIGHT', 'DAYBREAK', 'NIGHTFALL', 'CONTINUOUS', 'CONTINUED', 'CONT',
  'LATER', 'SAME', 'MOMENTS', 'MOMENT', 'INSTANT', 'SECONDS', 'SECOND', 'MINUTES', 'MINUTE',
  'HOURS', 'HOUR', 'DAYS', 'WEEKS', 'WEEK', 'MONTHS', 'MONTH', 'YEARS', 'YEAR', 'TIME', 'BEFORE',
  'AFTER', 'EARLIER', 'FLASHBACK', 'PRESENT', 'MAGIC', 'GOLDEN', 'PRE-DAWN', 'PREDAWN', 'DAYTIME',
  'NIGHTTIME', 'TONIGHT', 'TODAY', 'TOMORROW', 'YESTERDAY', 'CYCLE', 'SHIFT',
  'ДЕНЬ', 'НОЧЬ', 'УТРО', 'ВЕЧЕР', 'РАССВЕТ', 'ЗАКАТ', 'СУМЕРКИ', 'ПОЗЖЕ',
]);
const FILLER = new Set([
  'A', 'AN', 'THE', 'THAT', 'THIS', 'NEXT', 'FEW', 'BIT', 'LITTLE', 'SOME', 'OF', 'IN', 'ON', 'AT',
  'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'SEVERAL', 'MANY',
  'EARLY', 'LATE', 'AND', 'OR', 'HIS', 'HER', 'THEIR',
]);

// Separators between parts of a heading: " - ", "--", en and em dashes (a place and its part),
// and commas (kept as written: "HALLWAY, SCOTT'S BUILDING" is not a part of "HALLWAY").
const SEPARATOR = /(\s-+\s|\s*--+\s*|\s*[\u2013\u2014]\s*|\s*,\s*)/;

function isTimeOfDay(segment: string): boolean {
  const words = segment.match(/[^\s()[\].!?:;'"]+/g);
  if (!words) return false;
  let timed = false;
  for (const word of words) {
    if (TIME_WORDS.has(word)) timed = true;
    else if (!FILLER.has(word) && !/^\d[\d:APM]*$/.test(word)) return false;
  }
  return timed;
}

// Re-parsing on every keystroke meets the same headings again and again.
const cache = new Map<string, Readonly<HeadingParts>>();
const CACHE_LIMIT = 4096;

/** Reads a scene heading's text (scene number already removed) into its parts. */
export function headingParts(heading: string): Readonly<HeadingParts> {
  let parts = cache.get(heading);
  if (!parts) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    parts = readHeading(heading);
    cache.set(heading, parts);
  }
  return parts;
}

function readHeading(heading: string): HeadingParts {
  let text = heading.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text.startsWith('.')) text = text.slice(1);
  let intExt: HeadingParts['intExt'];
  const prefix = PREFIX.exec(text);
  if (prefix) {
    const p = prefix[1].replace(/[.\s]/g, '');
    intExt = p.includes('/') ? 'INT/EXT' : p === 'EXT' || p === 'НАТ' || p === 'ЭКСТ' ? 'EXT' : p === 'EST' ? 'EST' : 'INT';
    text = text.slice(prefix[0].length);
  }
  // Even indexes are segments, odd ones the separators between them.
  const pieces = text.split(SEPARATOR);
  // Trailing time segments go, and with them a year or number after one ("DAY - 1987"). A
  // heading that is nothing but a time ("NIGHT") keeps it as its location.
  let keep = pieces.length;
  for (let k = pieces.length - 1; k >= 2; k -= 2) {
    const segment = pieces[k].trim();
    if (segment.length === 0 || /^[\d\s()]+$/.test(segment)) continue;
    if (!isTimeOfDay(segment)) break;
    keep = k - 1;
  }
  const times = pieces.slice(keep).filter((_piece, i) => i % 2 === 1).map((piece) => piece.trim()).filter((piece) => piece.length > 0);
  pieces.length = keep;
  let location = pieces[0].trim();
  for (let i = 1; i + 1 < pieces.length; i += 2) {
    const segment = pieces[i + 1].trim();
    if (segment.length === 0) continue;
    location += pieces[i].includes(',') ? `, ${segment}` : ` - ${segment}`;
  }
  const parts: HeadingParts = { location };
  if (intExt) parts.intExt = intExt;
  if (times.length > 0) parts.timeOfDay = times.join(' - ');
  return parts;
}

// Real headings nest a place two or three levels deep; a runaway heading with thousands of
// dashes must not produce thousands of ever longer parent names.
const MAX_PARENTS = 4;

/** "LIGHTHOUSE - LAMP ROOM" → ["LIGHTHOUSE", "LIGHTHOUSE - LAMP ROOM"]: the place and its parents. */
export function locationAndParents(location: string): string[] {
  const names: string[] = [];
  let at = location.indexOf(' - ');
  while (at >= 0 && names.length < MAX_PARENTS) {
    names.push(location.slice(0, at));
    at = location.indexOf(' - ', at + 3);
  }
  names.push(location);
  return names;
}
