// Which part of the screenplay's context a note can see. The classifier reads the context only by
// name: a main character, minor character, setting, key element, story name, cast member or
// cleared tool matters to a note only if one of its words is among the note's words (a main
// character also through the name of the cast member who plays them). So a note
// is classified against the entries it shares a word with, and when typing in the script
// changes the context (a new capitalised word, a character who now speaks more), only the notes
// that share a word with what changed are classified again; the others keep their result.
// A test (relevantContext.test.ts) checks on every eval note that the result is the same as
// with the whole context, so a rule that comes to read the context otherwise is caught.
import { analysedPart } from './classify/classifyNote';
import type { NoteContext } from './classify/context';
import { analyzeText } from './nlp/analyzeText';

const LIMIT = 5000;
const wordsByText = new Map<string, ReadonlySet<string>>();

/** The note's words as the classifier compares them with names: each token's normal form, with and without punctuation. */
export function noteWords(text: string): ReadonlySet<string> {
  const known = wordsByText.get(text);
  if (known) return known;
  const words = new Set<string>();
  for (const token of analyzeText(analysedPart(text)).tokens) {
    words.add(token.norm);
    words.add(token.norm.replace(/[^\p{L}\p{N}-]+/gu, ''));
  }
  wordsByText.set(text, words);
  if (wordsByText.size > LIMIT) wordsByText.delete(wordsByText.keys().next().value as string);
  return words;
}

/** The words a name can be matched by: the whole name and each word, lower case, edge punctuation removed. */
function nameWords(name: string): string[] {
  const lower = name.toLowerCase();
  const words = lower
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
  return [lower, ...words];
}

type ListName = 'mainCharacters' | 'minorCharacters' | 'centralSettings' | 'keyElements' | 'storyNames' | 'cast' | 'clearedTools';
const LISTS: readonly ListName[] = ['mainCharacters', 'minorCharacters', 'centralSettings', 'keyElements', 'storyNames', 'cast', 'clearedTools'];

function entryName(entry: unknown): string {
  return typeof entry === 'string' ? entry : (entry as { name: string }).name;
}

/** A context's entries by word, so that a note's entries are found from its own words. */
export class ContextIndex {
  /** Entry ids by word; ids number the entries list after list, in order. */
  private readonly byWord = new Map<string, number[]>();
  private readonly entries: { list: ListName; entry: unknown }[] = [];

  constructor(readonly context: NoteContext) {
    for (const list of LISTS) {
      for (const entry of context[list] as readonly unknown[]) {
        const id = this.entries.length;
        this.entries.push({ list, entry });
        const names = [entryName(entry)];
        // A main character is also reached through the cast member who plays them: a note
        // about the actor is about the character too.
        if (list === 'mainCharacters') for (const member of context.cast) if (member.role?.toUpperCase() === entryName(entry)) names.push(member.name);
        for (const word of new Set(names.flatMap(nameWords))) {
          const ids = this.byWord.get(word);
          if (ids) ids.push(id);
          else this.byWord.set(word, [id]);
        }
      }
    }
  }

  /** The context restricted to the entries that share a word with the note. */
  forNote(words: ReadonlySet<string>): NoteContext {
    const ids: number[] = [];
    for (const word of words) {
      const found = this.byWord.get(word);
      if (found) for (const id of found) ids.push(id);
    }
    ids.sort((a, b) => a - b);
    const lists: Record<ListName, unknown[]> = { mainCharacters: [], minorCharacters: [], centralSettings: [], keyElements: [], storyNames: [], cast: [], clearedTools: [] };
    let last = -1;
    for (const id of ids) {
      if (id === last) continue;
      last = id;
      lists[this.entries[id].list].push(this.entries[id].entry);
    }
    return { ...(lists as unknown as Omit<NoteContext, 'productionType'>), productionType: this.context.productionType };
  }
}
