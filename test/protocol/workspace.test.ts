import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { ServerCommands, type RescanResult } from '../../server/src/protocol';
import { TestClient } from './testClient';
import { copyExamples, coreFindings, countOutcomes, removeCopy, writeFile } from './workspaceCopy';

function fileUri(root: string, relative: string): string {
  return pathToFileURL(path.join(root, relative)).href;
}

function itemFor(items: WorkspaceDocumentDiagnosticReport[], uri: string): WorkspaceDocumentDiagnosticReport | undefined {
  return items.find((i) => i.uri === uri);
}

describe('the workspace on disk', () => {
  let root: string;
  let client: TestClient;
  afterEach(async () => {
    await client.stop();
    removeCopy(root);
  });

  it('pull: the first workspace/diagnostic, sent as the client starts, waits for the first scan', async () => {
    // VS Code pulls the workspace right after `initialized`, while the server still asks for the
    // settings; an empty answer then would hide the notes files' findings until the next pull.
    root = copyExamples();
    client = await TestClient.start({ root, pull: true, noWaitForScan: true });
    const report = await client.workspaceDiagnostics();
    const flagged = report.items.filter((i) => i.kind === 'full' && i.items.length > 0).map((i) => path.basename(new URL(i.uri).pathname));
    assert.deepEqual(flagged.sort(), [...coreFindings(root).keys()].filter((f) => coreFindings(root).get(f)!.length > 0).sort());
  });

  it('re-checks a file changed on disk (a git pull) and drops a deleted one (push)', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: false });
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), 'the server asks to watch the production files');
    const uri = fileUri(root, 'vendor-log.txt');
    writeFile(root, 'vendor-log.txt', 'GenAI: clone the voice of Idris Kamal for the pickups\n');
    const published = client.waitForPublish(uri);
    await client.filesChanged([{ uri, type: FileChangeType.Changed }]);
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), ['talent-likeness']);

    rmSync(path.join(root, 'vendor-log.txt'));
    const cleared = client.waitForPublish(uri);
    await client.filesChanged([{ uri, type: FileChangeType.Deleted }]);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('picks up a new notes file, and the status counts follow (pull)', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true });
    const before = client.lastStatus!.approvalRequired;
    assert.equal(before, countOutcomes(coreFindings(root))['approval-required']);
    const uri = fileUri(root, 'post/vfx-notes.md');
    writeFile(root, 'post/vfx-notes.md', '# VFX\n\n- GenAI: replace the 40 background extras in the rain scene with a generated crowd\n');
    const status = client.nextStatus();
    await client.filesChanged([{ uri, type: FileChangeType.Created }]);
    assert.equal((await status).approvalRequired, before + 1);
    const report = await client.workspaceDiagnostics();
    const item = itemFor(report.items, uri);
    assert.ok(item && item.kind === 'full');
    assert.deepEqual(item.items.map((d) => d.code), ['union-work']);
  });

  it('a screenplay change re-checks the notes read against it, and refreshes them when open (pull)', async () => {
    root = copyExamples();
    writeFile(root, 'omar-notes.md', "- GenAI: generate Omar's face for the van crash\n");
    client = await TestClient.start({ root, pull: true });
    const notes = await client.open('omar-notes.md');
    assert.deepEqual((await client.diagnostics(notes)).map((d) => d.code), ['main-character']);
    const script = await client.open('night-market.fountain');
    await client.diagnostics(script);
    const refreshed = new Promise((resolve) => client.events.once('refresh', resolve));
    // Omar is renamed Khalid in the script: the note no longer names a main character.
    const doc = client.document(script);
    const text = doc.getText();
    await client.edit(script, [{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: text.replace(/OMAR/g, 'KHALID') }]);
    await refreshed;
    assert.ok(!(await client.diagnostics(notes)).some((d) => d.code === 'main-character'));
  });

  it('does not read files the globs leave out: a README in a code folder is not linted', async () => {
    root = copyExamples();
    writeFile(root, 'tools/README.md', '# Tools\n\n- GenAI: the script generates a deepfake of Rosa Delgado for the test suite\n');
    writeFile(root, '.genai-review.json', JSON.stringify({ productionTitle: 'Night Market', cast: [{ name: 'Rosa Delgado', role: 'LUZ' }], exclude: ['tools/**'] }));
    client = await TestClient.start({ root, pull: true });
    const uri = await client.open('tools/README.md');
    assert.deepEqual(await client.diagnostics(uri), []);
    const report = await client.workspaceDiagnostics();
    assert.equal(itemFor(report.items, uri), undefined);
  });

  it('a config edited in the editor re-reads the workspace under it', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: false });
    const configUri = await client.open('.genai-review.json');
    const notesUri = fileUri(root, 'production-notes.md');
    const before = client.published.get(notesUri)!.diagnostics;
    assert.ok(before.some((d) => d.code === 'talent-likeness' && d.severity === DiagnosticSeverity.Error));
    const text = client.document(configUri).getText();
    const republished = client.waitForPublish(notesUri, (p) => p.diagnostics.some((d) => d.code === 'talent-likeness' && d.severity === DiagnosticSeverity.Warning));
    await client.edit(configUri, [{ range: { start: client.document(configUri).positionAt(0), end: client.document(configUri).positionAt(text.length) }, newText: text.replace('"talent-likeness": "error"', '"talent-likeness": "warning"') }]);
    await republished;
  });

  it('settings apply under the config and take effect without a restart; the config file wins', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true, settings: { severity: { 'union-work': 'error', 'talent-likeness': 'hint' } } });
    const uri = await client.open('night-market.fountain');
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics.find((d) => d.code === 'union-work')?.severity, DiagnosticSeverity.Error, 'from settings');
    assert.equal(diagnostics.find((d) => d.code === 'talent-likeness' && d.severity !== DiagnosticSeverity.Information)?.severity, DiagnosticSeverity.Error, '.genai-review.json wins over settings');
    const status = client.nextStatus();
    await client.changeSettings({ severity: { 'union-work': 'off' } });
    await status;
    const after = await client.diagnostics(uri);
    assert.equal(after.find((d) => d.code === 'union-work'), undefined, 'union-work switched off');
  });

  it('a bad setting is named to the user and its default kept', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true, settings: { approvalPattern: '(?=NFX)(\\w+)' } });
    assert.ok(client.messages.some((m) => /genaiReview\.approvalPattern uses a look-ahead/.test(m)), client.messages.join('\n'));
    const uri = await client.open('night-market.fountain');
    assert.ok((await client.diagnostics(uri)).some((d) => d.message === "Approved (NFX-GAI-0217): implies a main character (their face, body, voice or performance); and talent likeness (a real person's face, body or voice)"));
  });

  it('a document closed and at once opened again keeps the editor\'s text, though no such file is on disk', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true });
    const text = '# Draft\n\n- GenAI: clone the voice of Idris Kamal for the pickups\n';
    // The close makes the server read the file from disk; the open comes while it reads.
    const uri = await client.open('draft.md', text);
    await client.close(uri);
    await client.open('draft.md', text);
    const hover = await client.hover(uri, text.indexOf('clone'));
    assert.ok(hover, 'the reopened text is reviewed, not dropped when the read of the closed file found nothing');
    assert.equal((await client.diagnostics(uri))[0]?.code, 'talent-likeness');
  });

  it('the rescan command reads the disk again', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true });
    writeFile(root, 'extra.txt', 'AI: generate the final poster in the style of Studio Ghibli\n');
    const result = await client.executeCommand<RescanResult>(ServerCommands.rescan);
    assert.equal(result.files, 5);
    const report = await client.workspaceDiagnostics();
    const item = itemFor(report.items, fileUri(root, 'extra.txt'));
    assert.ok(item && item.kind === 'full' && item.items.length === 1);
  });

  it('skips a file too large to read, and says so on the file', async () => {
    root = copyExamples();
    writeFile(root, 'huge-notes.txt', `GenAI: mood board\n${'x'.repeat(2000)}\n`);
    client = await TestClient.start({ root, pull: true, settings: { maxFileSizeBytes: 1000 } });
    const report = await client.workspaceDiagnostics();
    const item = itemFor(report.items, fileUri(root, 'huge-notes.txt'));
    assert.ok(item && item.kind === 'full');
    assert.equal(item.items.length, 1);
    assert.match(item.items[0].message as string, /^GenAI Review did not read this file: larger than 1000 bytes/);
  });
});
