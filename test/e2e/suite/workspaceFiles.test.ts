// Files appear, change and disappear in the production folder while the editor is open (a
// colleague's notes arrive, a sync deletes a file): the Problems panel follows.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  analyzeExamples,
  diagnosticSignatures,
  exampleUri,
  lineOf,
  originalText,
  restoreExample,
  SCREENPLAY,
  SEVERITY,
  signature,
  VENDOR_LOG,
  waitForExampleDiagnostics,
  workspaceRoot,
} from './support/examples';
import { codeOf, waitForDiagnostics } from './support/waitFor';

const NEW_NOTES = 'pickups.md';
const NEW_NOTE = "- GenAI: Omar's voice for the pickups will be synthesized from the table read";

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('files created, changed and deleted in the workspace', () => {
  const created = exampleUri(NEW_NOTES);

  before(async () => {
    await waitForExampleDiagnostics(SCREENPLAY);
  });
  afterEach(async () => {
    if (await exists(created)) await vscode.workspace.fs.delete(created);
    await vscode.workspace.fs.writeFile(exampleUri(VENDOR_LOG), Buffer.from(originalText(VENDOR_LOG)));
    await restoreExample(VENDOR_LOG);
  });

  it('a notes file created on disk is reviewed against the screenplay, and forgotten when deleted', async () => {
    const text = `# Pickups\n\n${NEW_NOTE}\n`;
    await vscode.workspace.fs.writeFile(created, Buffer.from(text));
    const production = analyzeExamples();
    const path = `${workspaceRoot().fsPath}/${NEW_NOTES}`;
    production.setFile(path, text);
    const want = production.analyze(path).map((f) => signature({ line: lineOf(text, NEW_NOTE), severity: SEVERITY[f.severity], code: f.ruleId, message: f.message }));
    assert.ok(want.length === 1 && want[0].includes('[main-character]'), want.join('\n'));

    const shown = await waitForDiagnostics(created, (ds) => diagnosticSignatures(ds).join('\n') === want.join('\n'), `the new file's finding: ${want[0]}`);
    // Omar is main because of the screenplay: the new file's diagnostic points into it.
    const [related] = shown[0].relatedInformation ?? [];
    assert.ok(related, 'related information');
    assert.equal(related.location.uri.toString(), exampleUri(SCREENPLAY).toString());
    assert.equal(related.location.range.start.line, originalText(SCREENPLAY).split(/\r?\n/).indexOf('OMAR'));

    await vscode.workspace.fs.delete(created);
    await waitForDiagnostics(created, (ds) => ds.length === 0, 'no diagnostics for the deleted file');
  });

  it('a file changed on disk by another program is reviewed again', async () => {
    const uri = exampleUri(VENDOR_LOG);
    const added = 'Week 46\nClone the voice of Idris Kamal for the ADR pickups.\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${originalText(VENDOR_LOG)}\n${added}`));
    const line = lineOf(`${originalText(VENDOR_LOG)}\n${added}`, 'Clone the voice of Idris Kamal');
    const shown = await waitForDiagnostics(uri, (ds) => ds.some((d) => d.range.start.line === line), 'a diagnostic on the added line');
    const d = shown.find((x) => x.range.start.line === line)!;
    assert.equal(codeOf(d), 'talent-likeness', d.message);
  });
});
