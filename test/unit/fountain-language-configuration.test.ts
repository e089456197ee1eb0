// The language configuration as VS Code reads it: JSON from package.json's `configuration`
// path, the word pattern compiled with its flags (VS Code adds `g`).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../grammar/textmate';

interface LanguageContribution {
  id: string;
  extensions?: string[];
  aliases?: string[];
  configuration?: string;
}

interface LanguageConfiguration {
  comments?: { blockComment?: [string, string] };
  brackets?: Array<[string, string]>;
  autoClosingPairs?: Array<{ open: string; close: string }>;
  folding?: { markers?: { start: string; end: string } };
  wordPattern?: { pattern: string; flags?: string };
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: {
    languages: LanguageContribution[];
    grammars: Array<{ language?: string; scopeName: string }>;
    configurationDefaults?: Record<string, Record<string, string>>;
  };
};
const fountain = manifest.contributes.languages.find((l) => l.id === 'fountain');
const configuration = JSON.parse(readFileSync(path.join(repoRoot, fountain?.configuration ?? 'missing'), 'utf8')) as LanguageConfiguration;

/** The words VS Code would select on double-click, in order. */
function words(line: string): string[] {
  const pattern = configuration.wordPattern;
  assert.ok(pattern, 'wordPattern is set');
  return [...line.matchAll(new RegExp(pattern.pattern, `${pattern.flags ?? ''}g`))].map((m) => m[0]);
}

/** What double-click and Ctrl+D select: VS Code splits on `editor.wordSeparators` and
 * whitespace, not on the word pattern. */
function doubleClickWords(line: string): string[] {
  const separators = manifest.contributes.configurationDefaults?.['[fountain]']?.['editor.wordSeparators'];
  assert.ok(separators, 'Fountain sets editor.wordSeparators');
  return line.split(/\s+/).flatMap((chunk) => chunk.split(new RegExp(`[${separators.replace(/[\]\\^-]/g, '\\$&')}]`))).filter((w) => w !== '');
}

/** Lines that start and end folding regions by the configured markers, VS Code's way. */
function foldedRegions(lines: string[]): Array<[number, number]> {
  const markers = configuration.folding?.markers;
  assert.ok(markers, 'folding markers are set');
  const start = new RegExp(markers.start);
  const end = new RegExp(markers.end);
  const open: number[] = [];
  const regions: Array<[number, number]> = [];
  lines.forEach((line, i) => {
    if (start.test(line)) open.push(i);
    else if (end.test(line) && open.length > 0) regions.push([open.pop() ?? 0, i]);
  });
  return regions;
}

describe('Fountain language contribution', () => {
  it('registers the id other Fountain extensions use, for .fountain and .spmd', () => {
    assert.deepEqual(fountain?.extensions, ['.fountain', '.spmd']);
    assert.ok(fountain?.aliases?.includes('Fountain'));
    assert.ok(manifest.contributes.grammars.some((g) => g.language === 'fountain' && g.scopeName === 'text.fountain'));
  });

  it('keeps hyphenated names and possessives whole in the word pattern (word highlight, word completions)', () => {
    assert.deepEqual(words("MARISOL'S sister ANA-MARIA hands Teo’s letter to JEAN-LUC."), ["MARISOL'S", 'sister', 'ANA-MARIA', 'hands', 'Teo’s', 'letter', 'to', 'JEAN-LUC']);
  });

  it('selects a hyphenated or possessive name whole on double-click, without emphasis markers', () => {
    assert.deepEqual(doubleClickWords("MARISOL'S *Slowly* _sister_ ANA-MARIA (V.O.) [[GenAI: x]]"), ["MARISOL'S", 'Slowly', 'sister', 'ANA-MARIA', 'V', 'O', 'GenAI', 'x']);
  });

  it('splits on dashes used as punctuation and leaves Fountain markup out of words', () => {
    assert.deepEqual(words('He runs -- fast. [[GenAI: de-age Ana]] *Bold* (V.O.) Привет-мир'), ['He', 'runs', 'fast', 'GenAI', 'de-age', 'Ana', 'Bold', 'V', 'O', 'Привет-мир']);
  });

  it('uses the boneyard as the block comment and closes notes, parentheses and boneyard', () => {
    assert.deepEqual(configuration.comments?.blockComment, ['/*', '*/']);
    const pairs = (configuration.autoClosingPairs ?? []).map((p) => `${p.open}${p.close}`);
    assert.deepEqual(pairs, ['[[]]', '()', '/* */']);
    assert.deepEqual(configuration.brackets, [['[[', ']]'], ['(', ')']]);
  });

  it('folds multi-line boneyard and notes, not single-line ones', () => {
    const script = [
      'INT. HOUSE - DAY', // 0
      '/*', // 1
      'A cut scene.', // 2
      '*/', // 3
      '[[A long note', // 4
      'over two lines]]', // 5
      '[[A short note]]', // 6
      'Steel /* inline */ sits.', // 7
    ];
    assert.deepEqual(foldedRegions(script), [[1, 3], [4, 5]]);
  });
});
