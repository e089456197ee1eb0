// Every Fountain script of the shared corpus, tokenized with the grammar as VS Code would, and
// held line by line to a whole-document reading of the spec (test/grammar/fountainLines.ts).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { type ClassifiedLine, type Element, classifyFountainLines } from '../grammar/fountainLines';
import { type Token, loadGrammar, repoRoot, tokenizeDocument } from '../grammar/textmate';

const corpusDir = path.resolve(repoRoot, '../shared/corpus');

function fountainFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return fountainFiles(full);
    return /\.(fountain|spmd)$/i.test(name) ? [full] : [];
  });
}

/** The scope every visible token of a line of that element must carry. */
const elementScope: Record<Exclude<Element, 'blank'>, string> = {
  'title-page': 'meta.title-page.fountain',
  'scene-heading': 'markup.heading.scene.fountain',
  character: 'meta.dialogue.fountain',
  parenthetical: 'variable.parameter.parenthetical.fountain',
  dialogue: 'string.unquoted.dialogue.fountain',
  transition: 'keyword.other.transition.fountain',
  centered: 'markup.quote.centered.fountain',
  section: 'markup.heading.section.fountain',
  synopsis: 'comment.line.synopsis.fountain',
  'page-break': 'meta.separator.page-break.fountain',
  lyrics: 'markup.italic.lyrics.fountain',
  boneyard: 'comment.block.boneyard.fountain',
  action: 'meta.paragraph.action.fountain',
};

const allElementScopes = new Set(Object.values(elementScope));

function visible(tokens: Token[]): Token[] {
  // Leading indentation and the punctuation of forced elements (`>` before a transition) sit
  // outside the element's own scope; every other token must carry it.
  return tokens.filter((t) => t.text.trim() !== '' && !t.scopes.some((s) => s.startsWith('punctuation.definition.forced-')));
}

/** What is wrong with one line, or undefined when it is tokenized as its element. */
function lineProblem(line: ClassifiedLine, tokens: Token[]): string | undefined {
  if (line.element === 'blank') return undefined;
  const accepted = line.lonelyCapsLine ? ['action', 'character'] as const : [line.element];
  const explain = (why: string) => `${why} (expected ${accepted.join(' or ')}): ${tokens.map((t) => `[${t.text}| ${t.scopes.slice(1).join(' ')}]`).join(' ')}`;

  for (const element of accepted) {
    const scope = elementScope[element];
    const foreign = [...allElementScopes].filter((s) => s !== scope && s !== 'meta.dialogue.fountain' && s !== elementScope.boneyard);
    const ok = visible(tokens).every((t) => t.scopes.includes(scope) && !t.scopes.some((s) => foreign.includes(s)));
    const nameOk = element !== 'character' || tokens.some((t) => t.scopes.includes('entity.name.type.character.fountain'));
    if (ok && nameOk) return undefined;
  }
  return explain('wrong scopes');
}

describe('Fountain grammar on the shared corpus', function () {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar('text.fountain');
  });

  const files = fountainFiles(corpusDir);

  it('finds the corpus scripts', () => {
    assert.ok(files.length >= 5, `expected the corpus scripts in ${corpusDir}, found ${files.length}`);
  });

  for (const file of files) {
    it(`tokenizes ${path.relative(corpusDir, file)} with every line as its element`, () => {
      const text = readFileSync(file, 'utf8');
      const lines = classifyFountainLines(text);
      const tokens = tokenizeDocument(grammar, text);
      const problems = lines
        .map((line, i) => ({ line: i + 1, problem: lineProblem(line, tokens[i] ?? []) }))
        .filter((p) => p.problem !== undefined)
        .map((p) => `${path.basename(file)}:${p.line} ${p.problem}`);
      assert.deepEqual(problems, []);

      // The headline promise, counted separately: each scene heading and each character cue.
      const headings = lines.filter((l) => l.element === 'scene-heading').length;
      const cues = lines.filter((l) => l.element === 'character').length;
      const recognisedHeadings = lines.filter((l, i) => l.element === 'scene-heading' && tokens[i]?.some((t) => t.scopes.includes('markup.heading.scene.fountain'))).length;
      const recognisedCues = lines.filter((l, i) => l.element === 'character' && tokens[i]?.some((t) => t.scopes.includes('entity.name.type.character.fountain'))).length;
      assert.equal(recognisedHeadings, headings, 'scene headings recognised');
      assert.equal(recognisedCues, cues, 'character cues recognised');
    });
  }
});
