// Once against the real bundle, as an editor other than VS Code would run it:
// `node dist/server.js --stdio` (built by `node esbuild.mjs`, which the test command runs first).
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CategoryId } from '../../server/src/core/categories';
import { ruleFor } from '../../server/src/core/rules/catalog';
import { DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver/node';
import { ServerCommands, type SummaryResult } from '../../server/src/protocol';
import { REPO_ROOT, TestClient } from './testClient';
import { copyExamples, coreFindings, countOutcomes, removeCopy } from './workspaceCopy';

describe('dist/server.js --stdio', () => {
  let root: string;
  before(function () {
    if (!existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.mjs` first (npm test does)');
  });
  afterEach(() => removeCopy(root));

  for (const pull of [true, false]) {
    it(`opens a script, flags, hovers, fixes, clears on approval, summarises, and exits cleanly (${pull ? 'pull' : 'push'})`, async () => {
      root = copyExamples();
      const client = await TestClient.start({ root, pull, process: true });
      const uri = await client.open('night-market.fountain');
      const diagnostics = await client.diagnostics(uri);
      const expected = coreFindings(root).get('night-market.fountain')!;
      assert.deepEqual(diagnostics.map((d) => d.code), expected.map((f) => f.ruleId));
      const warnings = diagnostics.filter((d) => d.severity! <= DiagnosticSeverity.Warning);
      // The first flagged note: the lantern canopy of the opening shot, "final comp".
      const keyElement = warnings[0];
      assert.match(client.document(uri).getText(keyElement.range), /lantern canopy/);
      assert.equal(keyElement.codeDescription!.href, `${pathToFileURL(path.join(REPO_ROOT, 'README.md')).href}#rule-${keyElement.code}`);

      const hover = await client.hover(uri, client.document(uri).offsetAt(keyElement.range.start) + 5);
      const value = (hover!.contents as MarkupContent).value;
      assert.match(value, /^\*\*GenAI use: needs written approval\*\*/);
      assert.ok(value.includes(`**${ruleFor(keyElement.code as CategoryId).title}** (\`${keyElement.code}\`)`), value);

      const [stub] = await client.codeActions(uri, keyElement.range, [keyElement]);
      assert.equal(stub.title, 'Insert a GenAI disclosure stub after this note');
      await client.applyEdit(stub.edit!);
      const text = client.document(uri).getText();
      const pending = text.indexOf('Approval: PENDING]]') + 'Approval: '.length;
      const doc = client.document(uri);
      await client.edit(uri, [{ range: { start: doc.positionAt(pending), end: doc.positionAt(pending + 'PENDING'.length) }, newText: 'NFX-GAI-0500' }]);
      const after = await client.diagnostics(uri);
      assert.ok(!after.some((d) => /lantern canopy/.test(client.document(uri).getText(d.range)) && d.severity! <= DiagnosticSeverity.Warning));
      assert.equal(after.filter((d) => d.severity! <= DiagnosticSeverity.Warning).length, warnings.length - 1);

      const summary = await client.executeCommand<SummaryResult>(ServerCommands.summary);
      assert.equal(summary.json.title, 'Night Market');
      // The open document's text counts: the canopy is approved now.
      assert.equal(summary.json.counts.byOutcome['approval-required'], countOutcomes(coreFindings(root))['approval-required'] - 1);
      assert.equal(await client.stop(), 0, 'exit code after shutdown and exit');
    });
  }
});
