// Runs the grammar test files in syntaxes/test/ (vscode-tmgrammar-test's format: source lines,
// each followed by `%% ^^^ scopes - excluded scopes` assertion lines) with vscode-tmgrammar-test's
// own parser and checker, on the same registry VS Code would build from package.json. Same
// result as `npx vscode-tmgrammar-test -g node_modules/tm-grammars/grammars/markdown.json
// 'syntaxes/test/*.test.*'`, without its warnings about the languages Markdown embeds.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type TestFailure, parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index';
import { grammarRegistry, repoRoot } from '../grammar/textmate';

const testDir = path.join(repoRoot, 'syntaxes/test');

function describeFailure(file: string, source: string[], failure: TestFailure): string {
  const where = `${file}:${failure.line + 1} columns ${failure.start}-${failure.end}`;
  const text = JSON.stringify(source[failure.srcLine]?.slice(failure.start, failure.end));
  const missing = failure.missing.length ? ` missing [${failure.missing.join(' ')}]` : '';
  const unexpected = failure.unexpected.length ? ` unexpected [${failure.unexpected.join(' ')}]` : '';
  return `${where} ${text}:${missing}${unexpected}; actual: ${failure.actual.join(' ')}`;
}

describe('grammar test files (syntaxes/test)', () => {
  const files = readdirSync(testDir).filter((name) => /\.test\.\w+$/.test(name)).sort();

  it('has a test file per construct and per ambiguity', () => {
    assert.ok(files.length >= 15, `only ${files.length} grammar test files in ${testDir}`);
  });

  for (const file of files) {
    it(file, async () => {
      const testCase = parseGrammarTestCase(readFileSync(path.join(testDir, file), 'utf8'));
      const assertionCount = testCase.assertions.reduce((n, line) => n + line.scopeAssertions.length, 0);
      assert.ok(assertionCount > 0, `${file} asserts nothing`);
      const failures = await runGrammarTestCase(grammarRegistry(), testCase);
      assert.deepEqual(failures.map((f) => describeFailure(file, testCase.source, f)), []);
    });
  }
});
