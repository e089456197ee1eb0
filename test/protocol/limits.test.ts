// Size limits users can see: a file over maxFileSizeBytes, or one that looks binary, is not
// reviewed, and says so once on the file (an Information diagnostic) and once in the output.
// Open documents get the same limits as files on disk.
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver/node';
import { TestClient } from './testClient';
import { copyExamples, removeCopy, writeFile } from './workspaceCopy';

describe('size limits', () => {
  let root: string;
  let client: TestClient;
  let logs: string[];
  afterEach(async () => {
    await client.stop();
    removeCopy(root);
  });

  async function start(pull: boolean, settings: Record<string, unknown> = {}): Promise<void> {
    root = copyExamples();
    logs = [];
    client = await TestClient.start({ root, pull, settings });
    client.events.on('log', (m: string) => logs.push(m));
  }

  for (const pull of [true, false]) {
    it(`an open document over the limit is skipped with one message, and reviewed once it fits (${pull ? 'pull' : 'push'})`, async () => {
      await start(pull, { maxFileSizeBytes: 2000 });
      const note = '- GenAI: clone the voice of Idris Kamal for the pickups\n';
      const uri = await client.open('big-notes.md', note + `${'Crowd at the market. '.repeat(100)}\n`);
      const [skipped, ...more] = await client.diagnostics(uri);
      assert.deepEqual(more, []);
      assert.equal(skipped.severity, DiagnosticSeverity.Information);
      assert.equal(skipped.message, 'GenAI Review did not read this file: larger than 2000 bytes (2157 bytes); raise maxFileSizeBytes to review it.');
      assert.deepEqual(skipped.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      // Typing on: still one diagnostic, and no second line in the output.
      await client.insert(uri, note.length, 'More crowd. ');
      assert.equal((await client.diagnostics(uri)).length, 1);
      assert.equal(logs.filter((m) => m.includes('big-notes.md')).length, 1, logs.join('\n'));
      assert.match(logs.find((m) => m.includes('big-notes.md'))!, /^Skipped .*big-notes\.md: larger than 2000 bytes/);
      // Cut back under the limit: the note is reviewed.
      const doc = client.document(uri);
      await client.edit(uri, [{ range: { start: doc.positionAt(note.length), end: doc.positionAt(doc.getText().length) }, newText: '' }]);
      assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['talent-likeness']);
      assert.ok(logs.some((m) => /^Reviewing .*big-notes\.md again/.test(m)), logs.join('\n'));
    });
  }

  it('a binary file, open or on disk, is skipped with one message, never analysed', async () => {
    await start(true);
    writeFile(root, 'scan.txt', `GenAI: voice clone\u0000\u0001\u0002${'\u0000'.repeat(100)}`);
    const logged = new Promise((resolve) => client.events.on('log', (m: string) => m.includes('scan.txt') && resolve(m)));
    await client.filesChanged([{ uri: client.uri('scan.txt'), type: FileChangeType.Created }]);
    assert.match((await logged) as string, /^Skipped .*scan\.txt: looks like a binary file/);
    const report = await client.workspaceDiagnostics();
    const onDisk = report.items.find((i) => i.uri === client.uri('scan.txt'));
    assert.ok(onDisk && onDisk.kind === 'full');
    assert.deepEqual(onDisk.items.map((d) => [d.severity, d.message]), [[DiagnosticSeverity.Information, 'GenAI Review did not read this file: looks like a binary file, not text.']]);
    const uri = await client.open('pasted.txt', 'GenAI: voice clone of Idris Kamal\u0000\u0000\u0000');
    assert.deepEqual((await client.diagnostics(uri)).map((d) => d.message), ['GenAI Review did not read this file: looks like a binary file, not text.']);
    assert.equal(await client.hover(uri, 3), null);
  });

  it('the default limit is 5 MB: a 6 MB document is skipped at once, and the server keeps answering', async () => {
    await start(true);
    const uri = await client.open('dump.txt', `GenAI: de-age Rosa Delgado\n${'x'.repeat(6 * 1024 * 1024)}\n`);
    const [skipped] = await client.diagnostics(uri);
    assert.equal(skipped.message, 'GenAI Review did not read this file: larger than 5.0 MB (6.0 MB); raise maxFileSizeBytes to review it.');
    const notes = await client.open('production-notes.md');
    assert.ok((await client.diagnostics(notes)).length > 0);
  });

  it('a file of a million stray "[[" shows its first 100 reading problems and how many more, not a million diagnostics', async () => {
    await start(true);
    const uri = await client.open('stray.fountain', `INT. HOUSE - DAY\n\n${'[['.repeat(1_000_000)}\n`);
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics.length, 101);
    assert.equal(diagnostics[100].severity, DiagnosticSeverity.Information);
    assert.equal(diagnostics[100].message, '999,900 more problems reading this file are not shown: fix the first 100 and they may go too.');
    assert.equal(await client.hover(uri, 20), null, 'and it keeps answering');
  });

  it('raising the limit in settings reviews an open document that was skipped', async () => {
    await start(true, { maxFileSizeBytes: 100 });
    const uri = await client.open('notes.md', `- GenAI: clone the voice of Idris Kamal for the pickups\n${'Crowd. '.repeat(20)}\n`);
    assert.match((await client.diagnostics(uri))[0].message as string, /did not read this file/);
    const status = client.nextStatus();
    await client.changeSettings({ maxFileSizeBytes: 100000 });
    await status;
    assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['talent-likeness']);
  });
});
