// Folding a screenplay in the editor: each scene and each section folds, from the server.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { exampleUri, originalText, SCREENPLAY, waitForExampleDiagnostics } from './support/examples';

describe('folding', () => {
  before(async () => {
    await waitForExampleDiagnostics(SCREENPLAY);
  });

  it('folds every scene before the next heading, and every act', async () => {
    const lines = originalText(SCREENPLAY).split(/\r?\n/);
    // The editor folds documents it has open (the command throws "Illegal argument" otherwise).
    await vscode.workspace.openTextDocument(exampleUri(SCREENPLAY));
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', exampleUri(SCREENPLAY));
    const startingWith = (prefix: string) => ranges.filter((r) => lines[r.start].startsWith(prefix));
    const headings = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^(INT|EXT)\. /.test(l));
    const scenes = [...startingWith('INT.'), ...startingWith('EXT.')];
    assert.deepEqual(scenes.map((r) => r.start).sort((a, b) => a - b), headings.map(({ i }) => i), 'one fold per scene heading');
    for (const r of scenes) {
      const next = headings.find(({ i }) => i > r.start);
      assert.ok(r.start < r.end && r.end < (next?.i ?? lines.length), `the scene at line ${r.start + 1} folds up to the next heading`);
    }
    const acts = startingWith('# ACT');
    assert.equal(acts.length, lines.filter((l) => l.startsWith('# ACT')).length, 'one fold per act');
    assert.ok(acts[0].end >= headings.filter(({ i }) => i < acts[1].start).pop()!.i, 'ACT ONE folds its scenes');
  });
});
