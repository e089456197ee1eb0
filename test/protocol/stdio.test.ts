// Once against the real bundle, as an editor other than VS Code would run it:
// `node dist/server.js --stdio` (built by `node esbuild.mjs`, which the test command runs first).
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver/node';
import { ServerCommands, type SummaryResult } from '../../server/src/protocol';
import { REPO_ROOT, TestClient } from './testClient';
import { copyExamples, removeCopy } from './workspaceCopy';

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
      const warnings = diagnostics.filter((d) => d.severity! <= DiagnosticSeverity.Warning);
      assert.equal(warnings.length, 5);
      const keyElement = warnings.find((d) => d.code === 'key-element')!;
      assert.match(keyElement.codeDescription!.href, /^file:\/\/.*\/README\.md#rule-key-element$/);

      const hover = await client.hover(uri, client.document(uri).offsetAt(keyElement.range.start) + 5);
      assert.match((hover!.contents as MarkupContent).value, /\*\*Key visual element|\*\*Key element/i);

      const [stub] = await client.codeActions(uri, keyElement.range, [keyElement]);
      assert.equal(stub.title, 'Insert a GenAI disclosure stub after this note');
      await client.applyEdit(stub.edit!);
      const text = client.document(uri).getText();
      const pending = text.indexOf('Approval: PENDING]]') + 'Approval: '.length;
      const doc = client.document(uri);
      await client.edit(uri, [{ range: { start: doc.positionAt(pending), end: doc.positionAt(pending + 'PENDING'.length) }, newText: 'NFX-GAI-0500' }]);
      const after = await client.diagnostics(uri);
      assert.ok(!after.some((d) => d.code === 'key-element' && d.severity! <= DiagnosticSeverity.Warning));
      assert.equal(after.filter((d) => d.severity! <= DiagnosticSeverity.Warning).length, 4);

      const summary = await client.executeCommand<SummaryResult>(ServerCommands.summary);
      assert.equal(summary.json.title, 'Night Market');
      // The open document's text counts: the canopy is approved now.
      assert.equal(summary.json.counts.byOutcome['approval-required'], 12);
      assert.equal(await client.stop(), 0, 'exit code after shutdown and exit');
    });
  }
});
