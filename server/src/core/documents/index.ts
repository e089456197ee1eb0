// One entry point for every document the tool reads: which reader a path needs, and reading it.
import type { DocumentKind, ProductionDocument, ScriptFacts } from '../types';
import { readFountain } from './fountain/readFountain';
import { fountainDocument, readFountainState, updateFountainState, type FountainState } from './fountain/incremental';
import { readFdx } from './fdx/readFdx';
import { readMarkdown } from './markdown';
import { readPlainText } from './plaintext';

const KIND_BY_EXTENSION: Record<string, DocumentKind> = {
  fountain: 'fountain',
  spmd: 'fountain',
  fdx: 'fdx',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'plaintext',
  text: 'plaintext',
};

/** The kind of document at `path`, by its extension (any case); undefined for other files. */
export function documentKindForPath(path: string): DocumentKind | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))) return undefined;
  return KIND_BY_EXTENSION[path.slice(dot + 1).toLowerCase()];
}

/** How each Fountain document was read, so that the next version re-reads only what changed. */
const fountainStates = new WeakMap<ProductionDocument, FountainState>();

/**
 * Reads `text` as a document of `kind`. Never throws: problems are in `problems`. Given the
 * `previous` version of the same document, a screenplay re-reads only the part that changed
 * (the result is the same as reading it afresh).
 */
export function readDocument(kind: DocumentKind, text: string, previous?: ProductionDocument): ProductionDocument {
  switch (kind) {
    case 'fountain': {
      const before = previous && previous.kind === 'fountain' ? fountainStates.get(previous) : undefined;
      const state = before ? updateFountainState(before, text) : readFountainState(text);
      const doc = fountainDocument(state);
      fountainStates.set(doc, state);
      return doc;
    }
    case 'fdx':
      return readFdx(text);
    case 'markdown':
      return readMarkdown(text);
    case 'plaintext':
      return readPlainText(text);
  }
}

/** The cast and settings of a screenplay; undefined for notes files. */
export function scriptFactsOf(doc: ProductionDocument): ScriptFacts | undefined {
  return doc.script;
}

export { readFountain, readFdx, readMarkdown, readPlainText };
export { parseFountain } from './fountain/parseFountain';
export { parseFdx } from './fdx/readFdx';
