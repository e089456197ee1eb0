// Fountain (https://fountain.io/syntax) in one pass: find notes and boneyard, split lines, read
// the title page, then classify blocks. A block is a run of lines between blank lines, and its
// classification depends on nothing outside it, so the incremental reader (chunks.ts) re-reads
// only the blocks an edit touches (notes and boneyard, which may span blocks, are found first).
import type { ParseProblem, Span } from '../../types';
import type { ScriptElement, ScriptElementType } from '../../script/elements';
import { splitCue } from '../../script/characterName';
import { scanInlineRegions, type InlineRegion } from './inlineRegions';
import { splitLines, type FountainLine } from './lines';
import { readTitlePage, titleFrom, type TitlePageEntry } from './titlePage';
import {
  hasSceneHeadingPrefix,
  isCharacterCue,
  isForcedSceneHeading,
  isPageBreak,
  isParenthetical,
  isTransition,
  splitSceneNumber,
} from './lineShapes';

export interface FountainScript {
  /** Title from the title page, emphasis removed. */
  title?: string;
  titlePage: TitlePageEntry[];
  /** Screenplay elements in document order (the title page is not among them). */
  elements: ScriptElement[];
  /** Notes `[[ ]]` and boneyard `/* *\/`, in document order, disjoint. */
  regions: InlineRegion[];
  problems: ParseProblem[];
}

export function parseFountain(text: string): FountainScript {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { titlePage, elements, regions, problems } = parseFountainBody(text, from, true);
  markDualDialoguePairs(elements);
  const title = titleFrom(titlePage);
  return title ? { title, titlePage, elements, regions, problems } : { titlePage, elements, regions, problems };
}

/** What a stretch of Fountain reads as, on its own: everything but the pairing of dual dialogue. */
export interface FountainBody {
  titlePage: TitlePageEntry[];
  elements: ScriptElement[];
  regions: InlineRegion[];
  problems: ParseProblem[];
  /** Whether any line has script text (else a title page may still start after it). */
  hasContent: boolean;
}

/**
 * Reads `text` from `from`; a title page is read at the first line with content when
 * `titlePageAllowed`. Blocks are classified on their own, so a script may be read in parts cut
 * at blank lines (see chunks.ts) and give the same elements.
 */
export function parseFountainBody(text: string, from: number, titlePageAllowed: boolean): FountainBody {
  const { regions, problems } = scanInlineRegions(text, from);
  const lines = splitLines(text, from, regions);

  let first = 0;
  while (first < lines.length && lines[first].kind !== 'content') first++;
  const titlePage = titlePageAllowed ? readTitlePage(lines, first) : undefined;
  const elements: ScriptElement[] = [];
  const builder = new ElementBuilder(elements);
  let i = titlePage ? titlePage.endLine : 0;
  while (i < lines.length) {
    const kind = lines[i].kind;
    if (kind === 'blank' || kind === 'hidden' || kind === 'soft-blank') {
      i++;
      continue;
    }
    // A block: content and soft-blank lines up to the next blank line; hidden lines are skipped.
    const block: FountainLine[] = [];
    while (i < lines.length && lines[i].kind !== 'blank') {
      if (lines[i].kind !== 'hidden') block.push(lines[i]);
      i++;
    }
    classifyBlock(block, builder);
  }
  builder.flush();
  return { titlePage: titlePage ? titlePage.entries : [], elements, regions, problems, hasContent: first < lines.length };
}

/** Collects elements, merging consecutive action lines and consecutive dialogue lines. */
class ElementBuilder {
  private open: ScriptElement | undefined;
  private openLines: string[] = [];

  constructor(private readonly elements: ScriptElement[]) {}

  add(type: ScriptElementType, line: FountainLine, text: string, extra?: Partial<ScriptElement>): ScriptElement {
    this.flush();
    const element: ScriptElement = { type, span: { start: line.trimStart, end: line.trimEnd }, text, ...extra };
    this.elements.push(element);
    return element;
  }

  /** Adds a line to the open action or dialogue element of `type`, or opens one. */
  append(type: 'action' | 'dialogue', line: FountainLine, text: string, extra?: Partial<ScriptElement>): void {
    if (this.open && this.open.type === type) {
      this.openLines.push(text);
      if (line.trimEnd > line.trimStart) this.open.span = { start: this.open.span.start, end: line.trimEnd };
      return;
    }
    this.flush();
    const span: Span = line.trimEnd > line.trimStart ? { start: line.trimStart, end: line.trimEnd } : { start: line.start, end: line.start };
    this.open = { type, span, text: '', ...extra };
    this.openLines = [text];
  }

  flush(): void {
    if (!this.open) return;
    this.open.text = this.openLines.join('\n');
    this.elements.push(this.open);
    this.open = undefined;
    this.openLines = [];
  }
}

function classifyBlock(block: readonly FountainLine[], out: ElementBuilder): void {
  let atStart = true; // the line follows a blank line (or an element that stands alone)
  let cue: ScriptElement | undefined; // set while reading the cue's dialogue
  for (let n = 0; n < block.length; n++) {
    const line = block[n];
    if (line.kind === 'soft-blank') {
      if (cue) out.append('dialogue', line, '');
      else atStart = true;
      continue;
    }
    const content = line.content;
    const t = content.trim();
    const c = t.charCodeAt(0);
    const next = block[n + 1];
    const nextIsText = next !== undefined && next.kind === 'content';

    if (cue) {
      if (c === 126 /* ~ */) out.add('lyrics', line, t.slice(1).trim());
      else if (isParenthetical(t)) out.add('parenthetical', line, t);
      else out.append('dialogue', line, t);
      continue;
    }
    // Lines that are what they are wherever they stand.
    if (c === 35 /* # */) {
      let depth = 1;
      while (t.charCodeAt(depth) === 35) depth++;
      out.add('section', line, sectionText(t.slice(depth)), { depth });
      atStart = true;
      continue;
    }
    if (c === 61 /* = */) {
      if (isPageBreak(t)) out.add('page-break', line, '');
      else out.add('synopsis', line, t.slice(1).trim());
      atStart = true;
      continue;
    }
    if (c === 126 /* ~ */) {
      out.add('lyrics', line, t.slice(1).trim());
      continue;
    }
    if (c === 62 /* > */) {
      if (t.length > 1 && t.charCodeAt(t.length - 1) === 60 /* < */) out.add('centered', line, t.slice(1, -1).trim());
      else out.add('transition', line, t.slice(1).trim(), { forced: true });
      atStart = true;
      continue;
    }
    if (c === 33 /* ! */) {
      out.append('action', line, content.slice(content.indexOf('!') + 1).trimEnd(), { forced: true });
      atStart = false;
      continue;
    }
    if (atStart) {
      if (isForcedSceneHeading(t)) {
        addSceneHeading(out, line, t.slice(1).trim(), true);
        continue; // stays at a block start: what follows a heading starts afresh
      }
      if (hasSceneHeadingPrefix(t)) {
        addSceneHeading(out, line, t, false);
        continue;
      }
      if (c === 64 /* @ */ && nextIsText) {
        cue = addCue(out, line, t);
        continue;
      }
      if (isTransition(t)) {
        // Lenient like headings: "CUT TO:" with no blank line after is still a transition,
        // never a character called "CUT TO:".
        out.add('transition', line, t);
        continue;
      }
      if (nextIsText && isCharacterCue(t)) {
        cue = addCue(out, line, t);
        continue;
      }
    }
    out.append('action', line, content.trimEnd());
    atStart = false;
  }
  out.flush();
}

/** `BRICK ^` pairs with the cue before it: both speak at once, side by side. */
export function markDualDialoguePairs(elements: ScriptElement[]): void {
  let previousCue: ScriptElement | undefined;
  for (const element of elements) {
    if (element.type === 'scene-heading') previousCue = undefined;
    if (element.type !== 'character') continue;
    if (element.dual && previousCue) previousCue.dual = true;
    previousCue = element;
  }
}

function sectionText(rest: string): string {
  // "## Act Two ##": a closing run of #s (after a space) is decoration, as in Markdown.
  return rest.trim().replace(/\s+#+$/, '');
}

function addSceneHeading(out: ElementBuilder, line: FountainLine, heading: string, forced: boolean): void {
  const split = splitSceneNumber(heading);
  const extra: Partial<ScriptElement> = forced ? { forced: true } : {};
  if (split.sceneNumber) extra.sceneNumber = split.sceneNumber;
  out.add('scene-heading', line, split.heading, extra);
}

function addCue(out: ElementBuilder, line: FountainLine, cueText: string): ScriptElement {
  const parts = splitCue(cueText);
  const extra: Partial<ScriptElement> = { characterName: parts.name };
  if (parts.extension) extra.extension = parts.extension;
  if (parts.dual) extra.dual = true;
  if (parts.forced) extra.forced = true;
  const shown = cueText.replace(/^@\s*/, '').replace(/\s*\^$/, '');
  return out.add('character', line, shown, extra);
}
