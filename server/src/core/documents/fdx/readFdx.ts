// Final Draft (.fdx): the script's paragraphs become the neutral element list (so facts are
// computed as for Fountain), and its ScriptNotes, outline elements and scene summaries become
// the production-note candidates. Text is decoded for analysis; spans point at the raw file,
// and a note whose decoded text is not a verbatim slice carries a `textMap`.
import type { NoteSpan, ParseProblem, ProductionDocument } from '../../types';
import type { ParsedScript, ScriptElement, ScriptElementType } from '../../script/elements';
import { splitCue } from '../../script/characterName';
import { scriptFacts } from '../../script/facts';
import { MappedText } from './mappedText';
import { scanXml } from './xmlScanner';

export interface FdxScript extends ParsedScript {
  /** Paragraphs of the title page, decoded and trimmed. */
  titlePage: string[];
  /** ScriptNotes, outline elements and scene summaries, in document order. */
  notes: NoteSpan[];
  problems: ParseProblem[];
}

type Role = 'script' | 'title' | 'note' | 'summary' | 'ignore';

interface OpenParagraph {
  role: Role;
  type: string;
  sceneNumber?: string;
  dual: boolean;
  runs: MappedText[];
  /** How many runs came before the first ScriptNote nested in this paragraph. */
  runsBeforeNote?: number;
  /** Scene summaries inside this paragraph: their context is this paragraph's heading. */
  summaries: NoteSpan[];
}

interface OpenNote {
  start: number;
  paragraphs: MappedText[];
  inScript: boolean;
}

const ELEMENT_TYPES: Record<string, ScriptElementType> = {
  'scene heading': 'scene-heading',
  action: 'action',
  character: 'character',
  dialogue: 'dialogue',
  parenthetical: 'parenthetical',
  transition: 'transition',
  shot: 'shot',
  general: 'general',
  lyrics: 'lyrics',
  'outline body': 'synopsis',
};

function elementType(type: string): { type: ScriptElementType; depth?: number } {
  const known = ELEMENT_TYPES[type.toLowerCase()];
  if (known) return { type: known };
  const key = type.trim().toLowerCase();
  const outline = /^outline (\d)$/.exec(key);
  if (outline) return { type: 'section', depth: Number(outline[1]) };
  return { type: ELEMENT_TYPES[key] ?? 'general' };
}

export function parseFdx(text: string): FdxScript {
  const elements: ScriptElement[] = [];
  const notes: NoteSpan[] = [];
  const titlePage: string[] = [];
  const names: string[] = [];
  const paragraphs: OpenParagraph[] = [];
  let run: MappedText | undefined;
  let note: OpenNote | undefined;
  let noteDepth = 0;
  /** ScriptNotes kept apart from the script (a <ScriptNotes> list): no heading is theirs. */
  const outsideScript = new Set<NoteSpan>();

  // How many elements of each name that matters are open: cheaper than searching `names`.
  const openCount = new Map<string, number>();
  const inside = (name: string) => (openCount.get(name) ?? 0) > 0;

  const roleOfNewParagraph = (): Role => {
    if (noteDepth > 0) return 'note';
    if (inside('OmittedScene')) return 'ignore';
    if (inside('Summary')) return 'summary';
    if (inside('TitlePage')) return inside('Content') ? 'title' : 'ignore';
    return names[0] === 'FinalDraft' && names[1] === 'Content' ? 'script' : 'ignore';
  };

  const problems = scanXml(text, {
    open(name, attributes, start) {
      if (name === 'Paragraph') {
        const role = roleOfNewParagraph();
        const paragraph: OpenParagraph = { role, type: attributes.get('Type') ?? '', dual: inside('DualDialogue'), runs: [], summaries: [] };
        const number = attributes.get('Number');
        if (number) paragraph.sceneNumber = number;
        paragraphs.push(paragraph);
      } else if (name === 'Text' && names[names.length - 1] === 'Paragraph' && paragraphs.length > 0) {
        run = new MappedText();
      } else if (name === 'ScriptNote') {
        noteDepth++;
        if (noteDepth === 1) {
          note = { start, paragraphs: [], inScript: names[0] === 'FinalDraft' && names[1] === 'Content' };
          for (const open of paragraphs) open.runsBeforeNote ??= open.runs.length;
        }
      }
      names.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
    },
    close(name, _start, end) {
      names.pop();
      openCount.set(name, (openCount.get(name) ?? 1) - 1);
      if (name === 'Text' && run) {
        paragraphs[paragraphs.length - 1]?.runs.push(run);
        run = undefined;
      } else if (name === 'Paragraph') {
        const paragraph = paragraphs.pop();
        if (paragraph) closeParagraph(paragraph);
      } else if (name === 'ScriptNote') {
        if (noteDepth === 1 && note) closeNote(note, end);
        noteDepth = Math.max(0, noteDepth - 1);
      }
    },
    text(start, end) {
      run?.appendRaw(text, start, end);
    },
    cdata(start, end) {
      run?.appendVerbatim(text, start, end);
    },
  });

  function joined(runs: readonly MappedText[]): MappedText {
    const all = new MappedText();
    for (const r of runs) all.appendAll(r);
    return all;
  }

  function closeParagraph(paragraph: OpenParagraph): void {
    switch (paragraph.role) {
      case 'script':
        return addScriptParagraph(paragraph);
      case 'title': {
        const line = joined(paragraph.runs).trimmed();
        if (line) titlePage.push(line.text);
        return;
      }
      case 'note':
        note?.paragraphs.push(joined(paragraph.runs));
        return;
      case 'summary': {
        const summary = joined(paragraph.runs).trimmed();
        if (!summary) return;
        const spanNote: NoteSpan = { kind: 'synopsis', span: { ...summary.textSpan }, ...summary };
        notes.push(spanNote);
        // Summaries sit inside their scene heading's paragraph, which closes after them.
        const owner = paragraphs.find((p) => p.role === 'script');
        owner?.summaries.push(spanNote);
        return;
      }
      default:
    }
  }

  function addScriptParagraph(paragraph: OpenParagraph): void {
    const content = joined(paragraph.runs).trimmed();
    if (!content) return;
    const { type, depth } = elementType(paragraph.type);
    const element: ScriptElement = { type, span: content.textSpan, text: content.text };
    if (depth !== undefined) element.depth = depth;
    if (type === 'scene-heading') {
      if (paragraph.sceneNumber) element.sceneNumber = paragraph.sceneNumber;
      for (const summary of paragraph.summaries) summary.context = content.text;
    }
    if (type === 'character') {
      const cue = splitCue(content.text);
      element.characterName = cue.name;
      if (cue.extension) element.extension = cue.extension;
      if (cue.dual || paragraph.dual) element.dual = true;
    }
    elements.push(element);
    if (type === 'section' || type === 'synopsis') {
      const runs = paragraph.runsBeforeNote === undefined ? paragraph.runs : paragraph.runs.slice(0, paragraph.runsBeforeNote);
      const words = joined(runs).trimmed();
      if (words) notes.push({ kind: type, span: { ...words.textSpan }, ...words });
    }
  }

  function closeNote(open: OpenNote, end: number): void {
    const all = new MappedText();
    for (const paragraph of open.paragraphs) {
      if (paragraph.isEmpty) continue;
      if (!all.isEmpty) all.insert('\n');
      all.appendAll(paragraph);
    }
    const content = all.trimmed();
    note = undefined;
    if (!content) return;
    const scriptNote: NoteSpan = { kind: 'note', span: { start: open.start, end }, ...content };
    if (!open.inScript) outsideScript.add(scriptNote);
    notes.push(scriptNote);
  }

  notes.sort((a, b) => a.span.start - b.span.start);
  addContext(notes, elements, outsideScript);
  const title = titlePage[0];
  return title ? { title, titlePage, elements, notes, problems } : { titlePage, elements, notes, problems };
}

/** Notes in the script get the nearest scene heading or outline section above them. */
function addContext(notes: NoteSpan[], elements: readonly ScriptElement[], outsideScript: ReadonlySet<NoteSpan>): void {
  const anchors = elements.filter((e) => e.type === 'scene-heading' || e.type === 'section');
  let a = -1;
  for (const note of notes) {
    while (a + 1 < anchors.length && anchors[a + 1].span.start < note.span.start) a++;
    if (note.context !== undefined || outsideScript.has(note)) continue;
    if (a >= 0) note.context = anchors[a].text;
  }
}

export function readFdx(text: string): ProductionDocument {
  const parsed = parseFdx(text);
  const doc: ProductionDocument = { kind: 'fdx', text, notes: parsed.notes, script: scriptFacts(parsed), problems: parsed.problems };
  if (parsed.title) doc.title = parsed.title;
  return doc;
}
