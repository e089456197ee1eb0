// The grammars are written from TypeScript sources (syntaxes/src) so their regular expressions
// can be built from named, commented pieces. The JSON files are what VS Code loads: they must
// be exactly what the sources produce.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedGrammarFiles, syntaxesDir } from '../../syntaxes/src/build';

describe('generated grammar files', () => {
  for (const [name, expected] of generatedGrammarFiles()) {
    it(`syntaxes/${name} is up to date (else run npm run build:grammars)`, () => {
      const actual = readFileSync(path.join(syntaxesDir, name), 'utf8');
      assert.ok(actual === expected, `syntaxes/${name} differs from its source in syntaxes/src: run npm run build:grammars`);
    });
  }
});
