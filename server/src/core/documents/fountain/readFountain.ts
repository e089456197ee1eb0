// A Fountain screenplay as the analysis sees it: its production-note candidates (notes,
// boneyard, sections, synopses — never action, dialogue, cues or headings, which are story)
// and the facts about its cast and settings. The script is read in chunks (incremental.ts), so
// that after an edit only the chunks it touched are read again.
import type { ProductionDocument } from '../../types';
import { fountainDocument, readFountainState } from './incremental';

export function readFountain(text: string): ProductionDocument {
  return fountainDocument(readFountainState(text));
}
