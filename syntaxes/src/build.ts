// Writes the generated grammars next to this folder. Run with `npm run build:grammars`; the test
// test/unit/grammar-generated.test.ts fails when a committed grammar differs from its source.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fountainGrammar } from './fountainGrammar';
import { genaiAnnotationsGrammar, plainTextGrammar } from './genaiAnnotationsGrammar';
import type { Grammar } from './textmate';

export const syntaxesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** File name (in syntaxes/) → the JSON text it must contain. */
export function generatedGrammarFiles(): Map<string, string> {
  const files: Array<[string, Grammar]> = [
    ['fountain.tmLanguage.json', fountainGrammar],
    ['genai-annotations.injection.tmLanguage.json', genaiAnnotationsGrammar],
    ['plaintext.tmLanguage.json', plainTextGrammar],
  ];
  return new Map(files.map(([name, grammar]) => [name, `${JSON.stringify(grammar, null, 2)}\n`]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, text] of generatedGrammarFiles()) {
    writeFileSync(path.join(syntaxesDir, name), text);
    console.log(`wrote syntaxes/${name}`);
  }
}
