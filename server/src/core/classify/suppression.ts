// Notes that are instructions to the review rather than production notes: suppression comments
// (`[[genai-review: ignore-next]]`, `<!-- genai-review: ignore-next -->`, a line
// `genai-review: ignore-next`) and disclosure records the quick fix inserts
// (`[[GenAI disclosure: …]]`), which describe the AI use before them rather than add one.

export type Directive = 'ignore' | 'ignore-next' | 'ignore-file';

const DIRECTIVE = /^\s*genai-review\s*:\s*(ignore-next|ignore-file|ignore)\b/i;
const DISCLOSURE = /^[\s>*_#-]*(?:\*\*|__)?\s*(?:gen\s?-?ai|ai)\s+disclosure\b/i;

export function directiveOf(noteText: string): Directive | undefined {
  const m = DIRECTIVE.exec(noteText);
  return m ? (m[1].toLowerCase() as Directive) : undefined;
}

/** True when the note opens a disclosure record ("GenAI disclosure: …"). */
export function isDisclosureRecord(noteText: string): boolean {
  return DISCLOSURE.test(noteText);
}
