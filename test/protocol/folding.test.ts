import { strict as assert } from 'node:assert';
import { FoldingRangeKind, FoldingRangeRequest, type FoldingRange } from 'vscode-languageserver/node';
import { TestClient } from './testClient';
import { copyExamples, removeCopy } from './workspaceCopy';

describe('folding a screenplay', () => {
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

  async function folds(uri: string): Promise<FoldingRange[]> {
    return (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
  }

  it('folds every scene to the line before the next heading, every section to the next section, the title page and multi-line boneyard', async () => {
    const uri = await client.open('night-market.fountain');
    const lines = client.document(uri).getText().split('\n');
    const ranges = await folds(uri);
    const startingWith = (prefix: string) => ranges.filter((r) => lines[r.startLine].startsWith(prefix));

    const headings = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^(INT|EXT)\. /.test(l));
    assert.equal(startingWith('INT.').length + startingWith('EXT.').length, headings.length, 'one fold per scene');
    for (const r of [...startingWith('INT.'), ...startingWith('EXT.')]) {
      const next = headings.find(({ i }) => i > r.startLine);
      assert.ok(r.endLine < (next?.i ?? lines.length), `scene at line ${r.startLine + 1} stops before the next heading`);
      assert.notEqual(lines[r.endLine].trim(), '', 'a fold ends on text, not on a blank line');
    }
    const [actOne, actTwo] = startingWith('# ACT');
    assert.ok(actOne.endLine < actTwo.startLine && lines.slice(actOne.endLine + 1, actTwo.startLine).every((l) => l.trim() === ''), 'ACT ONE runs to ACT TWO');
    assert.equal(actTwo.endLine, lines.map((l) => l.trim() !== '').lastIndexOf(true), 'ACT TWO runs to the end');
    assert.equal(startingWith('Title:')[0]?.kind, FoldingRangeKind.Imports);
    assert.equal(startingWith('/*')[0]?.kind, FoldingRangeKind.Comment);
  });

  it('offers no folds for notes files', async () => {
    assert.deepEqual(await folds(await client.open('production-notes.md')), []);
  });
});
