// A long analysis gives way to a newer edit: a pass over many files looks at the message queue
// between files, so a cancellation ends it (pull) and a file edited meanwhile is left to the
// next pass, on its new text (push). No editor is ever shown diagnostics older than its text.
// The server looks at its queue after every note here (sliceMs 0), so the edit lands during
// the analysis for certain, however fast the analysis has become.
import { strict as assert } from 'node:assert';
import { CancellationTokenSource, DocumentDiagnosticRequest, LSPErrorCodes, WorkspaceDiagnosticRequest, type MarkupContent, type PublishDiagnosticsParams, type ResponseError } from 'vscode-languageserver/node';
import { TestClient } from './testClient';
import { copyExamples, coreFindings, removeCopy, writeFile } from './workspaceCopy';

/** Notes files whose notes are all different, so each needs its own classification. */
function manyNotesFiles(root: string, files: number): void {
  const uses = ['generate the crowd of extras', 'clone the voice of Idris Kamal', 'de-age Rosa Delgado', 'design the dragon lantern creature', 'upload the crew contact sheet'];
  for (let f = 0; f < files; f++) {
    const lines = uses.map((use, i) => `- GenAI: ${use} for scene ${f * 10 + i}, take ${f}`);
    writeFile(root, `notes/day-${f}.md`, `# Day ${f}\n\n${lines.join('\n')}\n`);
  }
}

/**
 * Opens a notes file of 100 notes the classifier has not seen in this process (a long analysis)
 * and a small one beside it.
 */
async function openBigAndSmall(client: TestClient): Promise<{ big: string; small: string }> {
  const run = `${process.hrtime.bigint()}`;
  const notes = Array.from({ length: 100 }, (_, i) => `- GenAI: generate the crowd of extras for scene ${i}, run ${run}`).join('\n');
  const big = await client.open('crowd-log.md', `# Crowd\n\n${notes}\n`);
  const small = await client.open('small.md', '- GenAI: clone the voice of Idris Kamal\n');
  return { big, small };
}

describe('a long analysis gives way to a newer edit', () => {
  let root: string;
  let client: TestClient;
  afterEach(async () => {
    await client.stop();
    removeCopy(root);
  });

  it('pull: a workspace pass the client cancels for an edit answers "server cancelled"; the next pass has the edit', async () => {
    root = copyExamples();
    manyNotesFiles(root, 30);
    client = await TestClient.start({ root, pull: true, server: { sliceMs: 0 } });
    const uri = await client.open('vendor-log.txt');
    const source = new CancellationTokenSource();
    const stale = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }, source.token);
    await client.insert(uri, 0, 'GenAI: generate the final poster in the style of Studio Ghibli\n\n');
    source.cancel();
    await assert.rejects(stale, (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ServerCancelled && (e.data as { retriggerRequest: boolean }).retriggerRequest === true);
    const fresh = await client.workspaceDiagnostics();
    const vendor = fresh.items.find((i) => i.uri === uri);
    assert.ok(vendor && vendor.kind === 'full');
    assert.equal(vendor.version, 2);
    assert.ok(vendor.items.some((d) => d.code === 'third-party-ip'), 'the edit is in the new pass');
    assert.equal(fresh.items.filter((i) => i.uri.includes('/notes/day-')).length, 30);
  });

  it('pull: the analysis of a file of many notes, once started, is cancelled for a newer edit', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true, server: { sliceMs: 0 } });
    const { big, small } = await openBigAndSmall(client);
    const source = new CancellationTokenSource();
    const stale = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: big } }, source.token);
    // Answered once the pull above has started its analysis: the edit and the cancellation come after.
    await client.hover(small, 10);
    await client.insert(big, 0, '- GenAI: generate the final poster in the style of Studio Ghibli\n');
    source.cancel();
    await assert.rejects(stale, (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ServerCancelled);
    const fresh = await client.diagnostics(big);
    assert.equal(fresh.length, 101);
    assert.equal(fresh[0].code, 'third-party-ip');
  });

  it('a hover on a file still being analysed does not hold up a hover on another file', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true, server: { sliceMs: 0 } });
    const { big, small } = await openBigAndSmall(client);
    let bigAnswered = false;
    const bigHover = client.hover(big, client.document(big).getText().length - 10).then((h) => {
      bigAnswered = true;
      return h;
    });
    const smallHover = await client.hover(small, 10);
    assert.match((smallHover!.contents as MarkupContent).value, /Talent likeness/);
    assert.equal(bigAnswered, false, 'the small file was answered while the big one was still being analysed');
    assert.match(((await bigHover)!.contents as MarkupContent).value, /Union-covered work/);
  });

  it('push: a file edited while a pass over the workspace runs is never shown an older result after a newer one', async () => {
    root = copyExamples();
    manyNotesFiles(root, 30);
    client = await TestClient.start({ root, pull: false, server: { sliceMs: 0 } });
    const script = await client.open('night-market.fountain');
    const notes = await client.open('notes/day-7.md');
    await client.diagnostics(notes);
    const seen: PublishDiagnosticsParams[] = [];
    client.events.on('publish', (p: PublishDiagnosticsParams) => p.uri === notes && seen.push(p));
    // Renaming a character re-reads every notes file against the script: a pass over all of them.
    const text = client.document(script).getText();
    const doc = client.document(script);
    await client.edit(script, [{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: text.replace(/OMAR/g, 'KHALID') }]);
    // And while that pass runs, the writer types in one of the notes files, several times.
    for (let i = 0; i < 5; i++) await client.insert(notes, 0, `- GenAI: generate the final poster in the style of Studio Ghibli, version ${i}\n`);
    const last = await client.waitForPublish(notes, (p) => p.version === 6);
    const versions = seen.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions ${versions.join(', ')}`);
    assert.equal(last.diagnostics.filter((d) => d.code === 'third-party-ip').length, 5);
  });

  it('push: a request sent while a long pass runs is answered before the pass ends', async () => {
    root = copyExamples();
    manyNotesFiles(root, 30);
    client = await TestClient.start({ root, pull: false, server: { sliceMs: 0 } });
    const uri = await client.open('vendor-log.txt');
    await client.diagnostics(uri);
    // New markers make every note be classified again; a new severity changes every file's diagnostics.
    const published = new Set<string>();
    let hovered: Promise<number> | undefined;
    client.events.on('publish', (p: PublishDiagnosticsParams) => {
      if (!p.uri.includes('/notes/day-')) return;
      published.add(p.uri);
      // At the first file of the pass, ask for a hover: it must not wait for the other 29.
      hovered ??= client.hover(uri, 2).then(() => published.size);
    });
    await client.changeSettings({ markers: ['GenAI', 'AI', 'Gen AI', 'VFX-AI'], severity: { 'union-work': 'error' } });
    await new Promise<void>((resolve) => client.events.on('publish', () => published.size === 30 && resolve()));
    const publishedWhenAnswered = await hovered!;
    assert.ok(publishedWhenAnswered < 30, `the hover was answered after ${publishedWhenAnswered} of 30 files`);
  });

  it('push: the analysis of a file of many notes gives way to an edit of that file, and its stale result is never shown', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: false, server: { sliceMs: 0 } });
    const { big, small } = await openBigAndSmall(client);
    const bigVersions: number[] = [];
    client.events.on('publish', (p: PublishDiagnosticsParams) => p.uri === big && bigVersions.push(p.version!));
    // The small file is published while the big one is still being analysed; the writer then edits the big one.
    const smallPublished = await client.waitForPublish(small);
    assert.deepEqual(smallPublished.diagnostics.map((d) => d.code), ['talent-likeness']);
    assert.deepEqual(bigVersions, [], 'the big file was not analysed in one go before the small one');
    await client.insert(big, client.document(big).getText().length, '- GenAI: generate the final poster in the style of Studio Ghibli\n');
    const published = await client.waitForPublish(big);
    assert.equal(published.version, 2, 'the analysis of version 1 gave way to the edit');
    assert.deepEqual(bigVersions, [2]);
    assert.equal(published.diagnostics.length, 101);
  });

  it('push: a burst of keystrokes publishes the final text\'s findings, and nothing stale after it', async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: false, server: { sliceMs: 0 } });
    const uri = await client.open('production-notes.md');
    await client.diagnostics(uri);
    const seen: PublishDiagnosticsParams[] = [];
    client.events.on('publish', (p: PublishDiagnosticsParams) => p.uri === uri && seen.push(p));
    const typed = '- GenAI: clone the voice of Idris Kamal for the pickups\n';
    for (let i = 0; i < typed.length; i++) await client.insert(uri, i, typed[i]);
    const final = await client.waitForPublish(uri, (p) => p.version === typed.length + 1);
    const versions = seen.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    writeFile(root, 'production-notes.md', client.document(uri).getText());
    assert.deepEqual(final.diagnostics.map((d) => d.code), coreFindings(root).get('production-notes.md')!.map((f) => f.ruleId));
  });
});
