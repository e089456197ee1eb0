import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver/node';
import { ServerCommands, type SummaryResult } from '../../server/src/protocol';
import { TestClient } from './testClient';
import { copyExamples, coreFindings, countOutcomes, removeCopy } from './workspaceCopy';

const NOW = new Date(2026, 10, 22);

function warningsOf(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity! <= DiagnosticSeverity.Warning);
}

for (const pull of [true, false]) {
  describe(`editing a production (${pull ? 'pull' : 'push'})`, () => {
    let root: string;
    let client: TestClient;

    beforeEach(async () => {
      root = copyExamples();
      client = await TestClient.start({ root, pull, server: { now: () => NOW } });
    });
    afterEach(async () => {
      await client.stop();
      removeCopy(root);
    });

    it('hover on a flagged note says what it implies, from which words, under which principle, and what to do', async () => {
      const uri = await client.open('night-market.fountain');
      const text = client.document(uri).getText();
      const hover = await client.hover(uri, text.indexOf('voice clone of Rosa Delgado') + 3);
      assert.ok(hover, 'a hover');
      const value = (hover.contents as MarkupContent).value;
      assert.equal((hover.contents as MarkupContent).kind, 'markdown');
      assert.match(value, /^\*\*GenAI use: needs written approval\*\*/);
      assert.match(value, /\*\*Talent likeness\*\* \(`talent-likeness`\): from “[^”]*clone of Rosa Delgado”/);
      assert.match(value, /Rosa Delgado: cast, plays LUZ/);
      assert.match(value, /Principle P5 \*No replacement of performances or union work without consent\* · Approval area: Talent and performance/);
      assert.match(value, /Sources: Netflix partner guidance \(2025\)/);
      assert.match(value, /\*\*Next:\*\* Get the performer's documented consent/);
      // The hover covers the note.
      assert.equal(client.document(uri).getText(hover.range!), '/*\n[[GenAI: voice clone of Rosa Delgado for the lines she could not record]]\n*/');
    });

    it('hover on an approved note names its approval reference; story lines have no hover', async () => {
      const uri = await client.open('night-market.fountain');
      const text = client.document(uri).getText();
      const approved = (await client.hover(uri, text.indexOf('de-age Rosa Delgado')))!;
      assert.match((approved.contents as MarkupContent).value, /^\*\*GenAI use: approved \(NFX-GAI-0217\)\*\*/);
      assert.match((approved.contents as MarkupContent).value, /Approval reference: NFX-GAI-0217/);
      assert.equal(await client.hover(uri, text.indexOf('deepfake politicians')), null);
    });

    it('quick fixes on a flagged note: disclosure stub, approval placeholder, suppress; the stub applies, and typing the reference clears the warning', async () => {
      const uri = await client.open('night-market.fountain');
      const diagnostics = await client.diagnostics(uri);
      const union = diagnostics.find((d) => d.code === 'union-work')!;
      const actions = await client.codeActions(uri, union.range, [union]);
      const titles = actions.map((a) => a.title);
      // No "temporary" mark: generated extras that replace the 40 the production cannot afford
      // replace union work, temporary or not.
      assert.deepEqual(titles.slice(0, 3), [
        'Insert a GenAI disclosure stub after this note',
        'Add an approval reference placeholder to this note',
        'Suppress GenAI Review for this note',
      ]);
      assert.ok(!titles.includes('Mark as temporary, not for the final cut'));
      assert.ok(actions.every((a) => a.kind === 'quickfix'));
      assert.deepEqual(actions[0].diagnostics, [union], 'each fix names the diagnostic it fixes');
      assert.equal(actions[0].isPreferred, true);
      // The same fixes for every finding in the file.
      const uses = coreFindings(root).get('night-market.fountain')!.length;
      assert.ok(titles.includes(`Insert GenAI disclosure stubs after every AI use in this file (${uses})`), titles.join('\n'));

      await client.applyEdit(actions[0].edit!);
      const text = client.document(uri).getText();
      assert.ok(text.includes("[[AI-generated crowd of shoppers running from the rain, replaces the 40 extras we can't afford]]\n[[GenAI disclosure: What is generated: …; Categories: union-work; Tool and vendor: …; Enterprise environment: yes/no; Final deliverable or temporary: …; Consent (talent, union): …; Approval: PENDING]]\n"));
      let after = await client.diagnostics(uri);
      assert.equal(warningsOf(after).length, warningsOf(diagnostics).length, 'the stub is a record, not a use, and PENDING is no approval');
      const stillFlagged = after.find((d) => d.code === 'union-work')!;
      const again = await client.codeActions(uri, stillFlagged.range, [stillFlagged]);
      assert.ok(!again.some((a) => a.title.startsWith('Insert a GenAI disclosure stub')), 'the stub is not offered twice');

      // The coordinator types the reference over PENDING.
      const pending = text.indexOf('PENDING', text.indexOf('Categories: union-work'));
      await client.edit(uri, [{ range: { start: client.document(uri).positionAt(pending), end: client.document(uri).positionAt(pending + 'PENDING'.length) }, newText: 'NFX-GAI-0311' }]);
      after = await client.diagnostics(uri);
      assert.ok(!warningsOf(after).some((d) => d.code === 'union-work'), 'the warning is gone');
      assert.equal(warningsOf(after).length, warningsOf(diagnostics).length - 1);
      const approved = after.find((d) => d.code === 'union-work')!;
      assert.equal(approved.severity, DiagnosticSeverity.Information);
      assert.match(approved.message as string, /^Approved \(NFX-GAI-0311\)/);
    });

    it('typing an approval reference into the note clears its warning', async () => {
      const uri = await client.open('night-market.fountain');
      const before = warningsOf(await client.diagnostics(uri));
      const text = client.document(uri).getText();
      const end = text.indexOf('Hong Kong marches') + 'Hong Kong marches'.length;
      // Typed key by key, as a writer does.
      const typed = '. Approval: ';
      for (let i = 0; i < typed.length; i++) await client.insert(uri, end + i, typed[i]);
      const halfway = (await client.diagnostics(uri)).find((d) => d.code === 'documentary-imagery')!;
      assert.equal(halfway.severity, DiagnosticSeverity.Warning, '"Approval:" alone is no reference');
      const reference = 'NFX-GAI-0412';
      for (let i = 0; i < reference.length; i++) await client.insert(uri, end + typed.length + i, reference[i]);
      const after = warningsOf(await client.diagnostics(uri));
      assert.deepEqual(after.map((d) => d.code), before.map((d) => d.code).filter((c) => c !== 'documentary-imagery'));
    });

    it('suppress here inserts the comment the analysis honours, and the finding goes away', async () => {
      const uri = await client.open('production-notes.md');
      const diagnostics = await client.diagnostics(uri);
      const dataHandling = diagnostics.find((d) => d.code === 'data-handling')!;
      const suppress = (await client.codeActions(uri, dataHandling.range, [dataHandling])).find((a) => a.title === 'Suppress GenAI Review for this note')!;
      await client.applyEdit(suppress.edit!);
      assert.ok(client.document(uri).getText().includes('<!-- genai-review: ignore-next -->\n- Paste the full shooting script into ChatGPT'));
      const after = await client.diagnostics(uri);
      assert.equal(after.length, diagnostics.length - 1);
      assert.ok(!after.some((d) => d.code === 'data-handling'));
    });

    it('the file-wide source action inserts a stub after every use, and the file reads the same otherwise', async () => {
      const uri = await client.open('vendor-log.txt');
      const original = client.document(uri).getText();
      const before = await client.diagnostics(uri);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions: CodeAction[] = await client.codeActions(uri, whole, [], ['source']);
      const stubs = actions.find((a) => a.kind === 'source.genaiReview.disclosure-stub')!;
      const uses = coreFindings(root).get('vendor-log.txt')!.length;
      assert.equal(stubs.title, `Insert GenAI disclosure stubs after every AI use in this file (${uses})`);
      await client.applyEdit(stubs.edit!);
      const text = client.document(uri).getText();
      assert.equal(text.split('GenAI disclosure:').length - 1, uses);
      // Insert-only: the writer's lines are all there, in order; what was added is records and blank lines.
      const writerLines = (t: string) => t.split('\n').filter((l) => l.trim() !== '' && l !== 'GenAI disclosure:' && !l.startsWith('  '));
      assert.deepEqual(writerLines(text), writerLines(original));
      assert.ok(text.length > original.length);
      const after = await client.diagnostics(uri);
      assert.deepEqual(after.map((d) => [d.code, d.severity]), before.map((d) => [d.code, d.severity]));
      assert.deepEqual(await client.codeActions(uri, whole, [], ['source.genaiReview.disclosure-stub']), [], 'applying twice changes nothing more');
    });

    it('the summary command returns the disclosure summary of the whole workspace as Markdown and JSON', async () => {
      const result = await client.executeCommand<SummaryResult>(ServerCommands.summary);
      assert.equal(result.json.title, 'Night Market');
      assert.equal(result.json.date, '2026-11-22');
      assert.deepEqual(result.json.counts.byOutcome, countOutcomes(coreFindings(root)));
      assert.match(result.markdown, /^# GenAI disclosure summary: Night Market\n/);
      assert.match(result.markdown, /\| \d+ \| production-notes\.md \| Visual effects \| 14 \| Use an AI face swap to put Rosa Delgado's face on the stunt double in the van crash\. Approval: pending \| Main character, Talent likeness \| Needs written approval \| — \| — \|/);
      assert.match(result.markdown, /## Needs written approval before proceeding\n\n- \*\*Use 1\*\*, night-market\.fountain, line 15 \(EXT\. NIGHT MARKET - ALLEY OF LANTERNS - NIGHT\): generate the lantern canopy/);
      // Only the files passed.
      const one = await client.executeCommand<SummaryResult>(ServerCommands.summary, [{ uris: [client.uri('vendor-log.txt')] }]);
      assert.deepEqual(one.json.files, ['vendor-log.txt']);
      assert.equal(one.json.counts.total, coreFindings(root).get('vendor-log.txt')!.length);
    });
  });
}

describe('snippet edits', () => {
  it('a client that takes snippets gets the stub with tab stops on its fields', async () => {
    const root = copyExamples();
    const client = await TestClient.start({ root, pull: true, snippets: true });
    const uri = await client.open('production-notes.md');
    const d = (await client.diagnostics(uri)).find((x) => x.code === 'final-deliverable')!;
    const [stub] = await client.codeActions(uri, d.range, [d]);
    const change = stub.edit!.documentChanges![0] as { edits: { snippet?: { value: string } }[] };
    const snippet = change.edits[0].snippet!.value;
    assert.match(snippet, /^\n {2}> \*\*GenAI disclosure\*\*\n {2}> - What is generated: \$\{1:…\}\n {2}> - Categories: \$\{2:final-deliverable\}\n/);
    assert.match(snippet, /> - Approval: \$\{7:PENDING\}\$0$/);
    await client.applyEdit(stub.edit!);
    assert.ok(client.document(uri).getText().includes('- GenAI sky replacement on every night exterior, final deliverable\n  > **GenAI disclosure**\n  > - What is generated: …\n'));
    await client.stop();
    removeCopy(root);
  });
});
