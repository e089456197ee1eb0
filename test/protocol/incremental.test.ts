import { readFileSync } from 'node:fs';
import path from 'node:path';
// Typing in the editor: the server re-reads only what changed, and what it shows after a run of
// edits is what a server that read the final text afresh shows. A keystroke that moves no line
// gets "unchanged" from a pull, so nothing is sent again.
import { strict as assert } from 'node:assert';
import { DocumentDiagnosticRequest, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { Production } from '../../server/src/core/workspace';
import { TestClient } from './testClient';
import { copyExamples, removeCopy } from './workspaceCopy';

describe('editing a screenplay keystroke by keystroke (pull)', () => {
  let root: string;
  let client: TestClient;

  beforeEach(async () => {
    root = copyExamples();
    client = await TestClient.start({ root, pull: true });
  });
  afterEach(async () => {
    await client.stop();
    removeCopy(root);
  });

  const pull = (uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> =>
    client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });

  it('answers "unchanged" after typing inside a line, and new ranges after a new line', async () => {
    const uri = await client.open('night-market.fountain');
    const first = await pull(uri);
    assert.equal(first.kind, 'full');
    const line = 'Paper lanterns sway over a river of people.';
    const at = client.document(uri).getText().indexOf(line) + line.length;
    const editLine = client.document(uri).positionAt(at).line;
    await client.insert(uri, at, ' Slowly');
    const typed = await pull(uri, first.resultId);
    assert.equal(typed.kind, 'unchanged');
    await client.insert(uri, at, '\n\nA dog barks.');
    const moved = await pull(uri, first.resultId);
    assert.equal(moved.kind, 'full');
    if (first.kind !== 'full' || moved.kind !== 'full') return;
    assert.deepEqual(
      moved.items.map((d) => d.range.start.line),
      first.items.map((d) => d.range.start.line + (d.range.start.line > editLine ? 2 : 0)),
    );
  });

  it('after edits in action, in notes, pasting and deleting, shows what a fresh read of the text shows', async () => {
    const uri = await client.open('night-market.fountain');
    await client.diagnostics(uri);
    const edits: [string, string][] = [
      ['folds dumplings', 'folds DUMPLINGS'],
      ['generate the lantern canopy', 'generate the lantern canopy and Luz'],
      ['[[AI: replace the fortune teller', '[[GenAI: de-age Omar for the ending]]\n\n[[AI: replace the fortune teller'],
      ['EXT. NIGHT MARKET - FORTUNE TELLER\'S TENT - NIGHT', 'INT. OMAR\'S FLAT - NIGHT'],
    ];
    for (const [from, to] of edits) {
      const text = client.document(uri).getText();
      const at = text.indexOf(from);
      assert.ok(at >= 0, from);
      for (let i = 0; i < to.length; i++) {
        // Keystroke by keystroke where the new text extends the old, else one replacement.
        if (to.startsWith(from)) {
          if (i < from.length) continue;
          await client.insert(uri, at + i, to[i]);
        } else {
          const doc = client.document(uri);
          await client.edit(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, newText: to }]);
          break;
        }
        await client.diagnostics(uri);
      }
    }
    // Deleting the first scene whole.
    const text = client.document(uri).getText();
    const start = text.indexOf('EXT. NIGHT MARKET - ALLEY');
    const end = text.indexOf('\nINT. ', start) + 1;
    const doc = client.document(uri);
    await client.edit(uri, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: '' }]);
    const shown = await client.diagnostics(uri);

    const final = client.document(uri).getText();
    const fresh = new Production();
    const p = `${root}/night-market.fountain`.replace(/\\/g, '/');
    fresh.setFile(p, final);
    // The production's config (its cast) applies to a fresh read as it does in the server.
    fresh.setFile(`${root}/.genai-review.json`.replace(/\\/g, '/'), readFileSync(path.join(root, '.genai-review.json'), 'utf8'));
    const index = new LineIndex(final);
    const expected = fresh.analyze(p).map((f) => ({ code: f.ruleId, line: index.positionAt(f.span.start).line, message: f.message }));
    const problems = fresh.document(p)!.problems.map((x) => ({ code: undefined, line: index.positionAt(x.span.start).line, message: x.message }));
    assert.deepEqual(
      shown.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message })),
      [...expected, ...problems],
    );
  });
});
