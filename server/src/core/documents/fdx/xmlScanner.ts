// A small XML scanner that reports exact UTF-16 offsets for every tag and text run, which is
// what spans into a Final Draft file need. It reads the XML that screenwriting tools write
// (elements, attributes, text, entities, comments, CDATA, processing instructions, a doctype);
// it does not validate, resolve namespaces or read DTDs. Malformed markup becomes a problem
// naming the line, and scanning goes on where it safely can — it never throws.
import type { ParseProblem } from '../../types';
import { LineIndex } from '../../text/lineIndex';

export interface XmlHandler {
  /** A start tag `<name …>` from `start` to `end` (just past `>`). */
  open(name: string, attributes: ReadonlyMap<string, string>, start: number, end: number, selfClosing: boolean): void;
  /** An end tag `</name>` (or the end of a self-closing tag, with start === end). */
  close(name: string, start: number, end: number): void;
  /** Character data between tags, raw: entities not yet decoded. */
  text(start: number, end: number): void;
  /** The inside of `<![CDATA[ … ]]>`: verbatim text. */
  cdata(start: number, end: number): void;
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

function isNameStart(c: number, text: string, i: number): boolean {
  if (c < 128) return ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95 || c === 58; // letter _ :
  return NAME_START.test(text[i]);
}

function isNameChar(c: number, text: string, i: number): boolean {
  if (c < 128) return ((c | 0x20) >= 97 && (c | 0x20) <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 46 || c === 45;
  return NAME_CHAR.test(text[i]);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The character an entity reference at `at` (pointing at `&`) stands for, and where it ends;
 * undefined when it is not a well-formed reference.
 */
export function entityAt(text: string, at: number, limit: number): { value: string; end: number } | undefined {
  // References are short: look for the ";" a few characters ahead only.
  const stop = Math.min(limit, at + 12, text.length);
  let semicolon = at + 1;
  while (semicolon < stop && text.charCodeAt(semicolon) !== 59 /* ; */) semicolon++;
  if (semicolon >= stop) return undefined;
  const body = text.slice(at + 1, semicolon);
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88; /* x X */
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
    const code = parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return { value: String.fromCodePoint(code), end: semicolon + 1 };
  }
  const named = NAMED_ENTITIES[body];
  return named === undefined ? undefined : { value: named, end: semicolon + 1 };
}

/** Decodes entities in an attribute value; malformed references stay as written. */
function decodeAttribute(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (raw.indexOf('&') < 0) return raw;
  let out = '';
  let i = start;
  while (i < end) {
    const amp = text.indexOf('&', i);
    if (amp < 0 || amp >= end) {
      out += text.slice(i, end);
      break;
    }
    out += text.slice(i, amp);
    const entity = entityAt(text, amp, end);
    if (entity) {
      out += entity.value;
      i = entity.end;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
  return out;
}

export function scanXml(text: string, handler: XmlHandler): ParseProblem[] {
  const problems: ParseProblem[] = [];
  let lines: LineIndex | undefined;
  const problem = (start: number, end: number, what: string) => {
    lines ??= new LineIndex(text);
    const line = lines.positionAt(start).line + 1;
    problems.push({ message: `Malformed Final Draft XML at line ${line}: ${what}`, span: { start: codePointStart(text, start), end: codePointEnd(text, Math.max(start, end)) }, severity: 'error' });
  };
  const open: { name: string; start: number; end: number }[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const readName = (from: number): number => {
    if (from >= n || !isNameStart(text.charCodeAt(from), text, from)) return from;
    let k = from + 1;
    while (k < n && isNameChar(text.charCodeAt(k), text, k)) k++;
    return k;
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      handler.text(i, n);
      break;
    }
    if (lt > i) handler.text(i, lt);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) {
        problem(lt, n, 'a comment <!-- is never closed.');
        break;
      }
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) {
        problem(lt, n, 'a CDATA section is never closed.');
        break;
      }
      handler.cdata(lt + 9, end);
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) {
        problem(lt, n, 'a processing instruction <? is never closed.');
        break;
      }
      i = end + 2;
    } else if (text.startsWith('<!', lt)) {
      i = skipDeclaration(text, lt);
      if (i < 0) {
        problem(lt, n, 'a declaration <! is never closed.');
        break;
      }
    } else if (text.charCodeAt(lt + 1) === 47 /* / */) {
      const nameEnd = readName(lt + 2);
      const name = text.slice(lt + 2, nameEnd);
      let k = nameEnd;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (!name || text.charCodeAt(k) !== 62 /* > */) {
        problem(lt, Math.min(n, k + 1), 'an end tag is malformed.');
        const gt = text.indexOf('>', lt);
        i = gt < 0 ? n : gt + 1;
        continue;
      }
      i = k + 1;
      closeElement(name, lt, i);
    } else {
      const nameEnd = readName(lt + 1);
      if (nameEnd === lt + 1) {
        problem(lt, lt + 1, 'a "<" is not followed by a tag name (write &lt; for a literal "<").');
        handler.text(lt, lt + 1);
        i = lt + 1;
        continue;
      }
      const name = text.slice(lt + 1, nameEnd);
      const tag = readAttributes(nameEnd);
      if (!tag) break;
      handler.open(name, tag.attributes, lt, tag.end, tag.selfClosing);
      if (tag.selfClosing) handler.close(name, tag.end, tag.end);
      else open.push({ name, start: lt, end: tag.end });
      i = tag.end;
    }
  }
  if (open.length > 0) {
    const innermost = open[open.length - 1];
    problem(innermost.start, innermost.end, `<${innermost.name}> is never closed.`);
    for (let k = open.length - 1; k >= 0; k--) handler.close(open[k].name, n, n);
  }
  return problems;

  function closeElement(name: string, start: number, end: number): void {
    let match = open.length - 1;
    while (match >= 0 && open[match].name !== name) match--;
    if (match < 0) {
      problem(start, end, `</${name}> closes an element that is not open.`);
      return;
    }
    if (match < open.length - 1) problem(start, end, `</${name}> comes before </${open[open.length - 1].name}>.`);
    while (open.length > match + 1) {
      const inner = open.pop() as { name: string };
      handler.close(inner.name, start, start);
    }
    open.pop();
    handler.close(name, start, end);
  }

  function readAttributes(from: number): { attributes: Map<string, string>; end: number; selfClosing: boolean } | undefined {
    const attributes = new Map<string, string>();
    let k = from;
    for (;;) {
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (k >= n) {
        problem(from, n, 'a tag is never closed with ">".');
        return undefined;
      }
      const c = text.charCodeAt(k);
      if (c === 62 /* > */) return { attributes, end: k + 1, selfClosing: false };
      if (c === 47 /* / */ && text.charCodeAt(k + 1) === 62) return { attributes, end: k + 2, selfClosing: true };
      const nameEnd = readName(k);
      if (nameEnd === k) return recover(k, 'a tag holds an unexpected character.');
      const attrName = text.slice(k, nameEnd);
      k = nameEnd;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== 61 /* = */) return recover(k, `attribute ${attrName} has no value.`);
      k++;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      const quote = text.charCodeAt(k);
      if (quote !== 34 && quote !== 39) return recover(k, `the value of ${attrName} is not quoted.`);
      const close = text.indexOf(quote === 34 ? '"' : "'", k + 1);
      if (close < 0) {
        problem(k, n, `the value of ${attrName} is never closed.`);
        return undefined;
      }
      attributes.set(attrName, decodeAttribute(text, k + 1, close));
      k = close + 1;
    }

    function recover(at: number, what: string) {
      problem(at, Math.min(n, at + 1), what);
      const gt = text.indexOf('>', at);
      if (gt < 0) return undefined;
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      return { attributes, end: gt + 1, selfClosing };
    }
  }
}

/** Skips `<!DOCTYPE …>` including an internal subset in brackets; -1 when it never ends. */
function skipDeclaration(text: string, from: number): number {
  let depth = 0;
  for (let k = from + 2; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) depth--;
    else if (c === 62 /* > */ && depth <= 0) return k + 1;
  }
  return -1;
}

/** Moves an offset that falls inside a surrogate pair to the pair's start. */
function codePointStart(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return offset > 0 && c >= 0xdc00 && c <= 0xdfff && isHighSurrogate(text.charCodeAt(offset - 1)) ? offset - 1 : offset;
}

/** Moves an offset that falls inside a surrogate pair to the pair's end. */
function codePointEnd(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && c >= 0xdc00 && c <= 0xdfff && isHighSurrogate(text.charCodeAt(offset - 1)) ? offset + 1 : offset;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
