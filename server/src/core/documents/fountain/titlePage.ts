// The optional title page at the top of a Fountain file: `Key: value` lines, values continued on
// indented lines, ended by the first blank line.
import type { Span } from '../../types';
import type { FountainLine } from './lines';

export interface TitlePageEntry {
  /** The key as written, e.g. "Draft date". */
  key: string;
  /** The value, continuation lines joined with '\n', notes removed. */
  value: string;
  /** The key line through the last continuation line. */
  span: Span;
}

export interface TitlePage {
  entries: TitlePageEntry[];
  /** Index of the first line after the title page. */
  endLine: number;
}

// Keys that tools agree on. A block of other `Key:` lines counts too when it has at least two,
// so a lone "FADE IN:" at the top of a script is not mistaken for a title page.
const KNOWN_KEYS = new Set([
  'title', 'credit', 'author', 'authors', 'source', 'draft date', 'date', 'contact', 'contact info',
  'copyright', 'notes', 'revision', 'watermark', 'font', 'tl', 'tc', 'tr', 'cc', 'bl', 'br', 'header', 'footer',
]);

const KEY_LINE = /^([^\s:][^:]{0,40}):(.*)$/;

function isIndented(content: string): boolean {
  const c = content.charCodeAt(0);
  return c === 9 || c === 32;
}

function keyOf(line: FountainLine): RegExpExecArray | null {
  return isIndented(line.content) ? null : KEY_LINE.exec(line.content);
}

/** Reads a title page starting at `first` (the first line with content), if there is one. */
export function readTitlePage(lines: readonly FountainLine[], first: number): TitlePage | undefined {
  if (first >= lines.length) return undefined;
  const opening = keyOf(lines[first]);
  if (!opening) return undefined;
  let end = first;
  let keyLines = 0;
  let allKeysOrContinuations = true;
  while (end < lines.length && (lines[end].kind === 'content' || lines[end].kind === 'hidden')) {
    const line = lines[end];
    if (line.kind === 'content') {
      if (keyOf(line)) keyLines++;
      else if (!isIndented(line.content)) allKeysOrContinuations = false;
    }
    end++;
  }
  const known = KNOWN_KEYS.has(opening[1].trim().toLowerCase());
  if (!known && !(allKeysOrContinuations && keyLines >= 2)) return undefined;

  const entries: TitlePageEntry[] = [];
  for (let i = first; i < end; i++) {
    const line = lines[i];
    if (line.kind !== 'content') continue;
    const match = keyOf(line);
    if (match) {
      entries.push({ key: match[1].trim(), value: match[2].trim(), span: { start: line.trimStart, end: line.trimEnd } });
    } else if (entries.length > 0) {
      const entry = entries[entries.length - 1];
      const part = line.content.trim();
      entry.value = entry.value ? `${entry.value}\n${part}` : part;
      entry.span = { start: entry.span.start, end: line.trimEnd };
    }
  }
  return { entries, endLine: end };
}

/** The `Title:` value without emphasis markers, its lines joined by spaces. */
export function titleFrom(entries: readonly TitlePageEntry[]): string | undefined {
  const entry = entries.find((e) => e.key.toLowerCase() === 'title');
  if (!entry) return undefined;
  const title = stripEmphasis(entry.value).replace(/\s+/g, ' ').trim();
  return title || undefined;
}

/** Removes Fountain emphasis (`*`, `**`, `***`, `_`) and escaping backslashes. */
export function stripEmphasis(text: string): string {
  return text.replace(/\\([*_\\])|[*_]+/g, (_match, escaped: string | undefined) => escaped ?? '');
}
