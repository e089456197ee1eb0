import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CancellationTokenSource, DiagnosticSeverity, DocumentDiagnosticRequest, LSPErrorCodes, type Diagnostic, type ResponseError } from 'vscode-languageserver/node';
import { TestClient } from './testClient';
import { copyExamples, coreFindings, countOutcomes, removeCopy } from './workspaceCopy';

const RULE_DOCS = 'file:///ext/README.md#rule-';

function textOf(client: TestClient, uri: string, d: Diagnostic): string {
  const doc = client.document(uri);
  return doc.getText(d.range);
}

for (const pull of [true, false]) {
  describe(`diagnostics (${pull ? 'pull' : 'push'})`, () => {
    let root: string;
    let client: TestClient;

    beforeEach(async () => {
      root = copyExamples();
      client = await TestClient.start({ root, pull, server: { ruleDocsBase: RULE_DOCS } });
    });
    afterEach(async () => {
      await client.stop();
      removeCopy(root);
    });

    it('flag every AI use in an opened screenplay on its note, with rule id, docs link and source', async () => {
      const uri = await client.open('night-market.fountain');
      const diagnostics = await client.diagnostics(uri);
      // Exactly what the analysis finds, each on its note, in order.
      const expected = coreFindings(root).get('night-market.fountain')!;
      const text = client.document(uri).getText();
      assert.deepEqual(
        diagnostics.map((d) => [d.code, textOf(client, uri, d), d.message]),
        expected.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end), f.message]),
      );
      assert.ok(expected.filter((f) => f.outcome === 'approval-required').length >= 4, 'the example flags several uses');
      for (const d of diagnostics) {
        assert.equal(d.source, 'GenAI Review');
        assert.equal(d.codeDescription?.href, `${RULE_DOCS}${d.code}`);
      }
      // A note kept in the boneyard is still a note: the whole boneyard is underlined.
      const talent = diagnostics.find((d) => textOf(client, uri, d).includes('voice clone of Rosa Delgado'))!;
      assert.equal(textOf(client, uri, talent), '/*\n[[GenAI: voice clone of Rosa Delgado for the lines she could not record]]\n*/');
      assert.equal(talent.code, 'talent-likeness');
      assert.equal(talent.severity, DiagnosticSeverity.Error, '.genai-review.json sets talent-likeness to error');
      // Rosa Delgado plays LUZ, a main character: her cloned voice is the character's too.
      assert.equal(talent.message, "Implies a main character (their face, body, voice or performance); and talent likeness (a real person's face, body or voice) and cites no written approval");
      // The approved de-ageing and the low-risk mood board are information, not warnings.
      for (const words of ['de-age Rosa Delgado', 'mood board']) {
        assert.equal(diagnostics.find((d) => textOf(client, uri, d).includes(words))?.severity, DiagnosticSeverity.Information, words);
      }
      // Story (the deepfake news report, Omar's line) and the suppressed test note are never flagged.
      for (const d of diagnostics) assert.doesNotMatch(textOf(client, uri, d), /deepfake|Even the news|test note/);
    });

    it('point at the screenplay line that makes a character main', async () => {
      const uri = await client.open('night-market.fountain');
      const main = (await client.diagnostics(uri)).find((d) => d.code === 'main-character')!;
      assert.ok(main.relatedInformation && main.relatedInformation.length > 0, 'related information');
      const [related] = main.relatedInformation;
      assert.equal(related.location.uri, uri);
      assert.equal(client.document(uri).getText(related.location.range), 'OMAR');
      assert.match(related.message, /^OMAR: speaks \d+ times in \d+ scenes/);
    });

    it('read a notes file against the screenplay beside it, linking to it', async () => {
      const uri = await client.open('vendor-log.txt');
      const diagnostics = await client.diagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => d.code), coreFindings(root).get('vendor-log.txt')!.map((f) => f.ruleId));
      // "the cast's audition tapes" are real people's voices: the cast comes from the production's config.
      assert.ok(diagnostics.some((d) => d.code === 'talent-likeness' && textOf(client, uri, d).startsWith('Train a voice model')));
      assert.ok(!diagnostics.some((d) => textOf(client, uri, d).includes('Movie Magic')), 'Movie Magic generating a call sheet is no AI use');
    });

    it('review an untitled Fountain draft by its language, and forget it when closed', async () => {
      const uri = await client.openUntitled('untitled:Untitled-1', 'fountain', 'INT. KITCHEN - DAY\n\n[[GenAI: voice clone of Rosa Delgado for the pickups]]\n');
      const diagnostics = await client.diagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => d.code), ['talent-likeness']);
      const cleared = pull ? undefined : client.waitForPublish(uri, (p) => p.diagnostics.length === 0);
      await client.close(uri);
      if (cleared) await cleared;
      else assert.ok(!(await client.workspaceDiagnostics()).items.some((i) => i.uri === uri && i.kind === 'full' && i.items.length > 0));
    });

    it('report a bad .genai-review.json on the config file, at the line of the mistake', async () => {
      const configPath = path.join(root, '.genai-review.json');
      const bad = readFileSync(configPath, 'utf8').replace('"productionType": "scripted"', '"productionType": "musical"');
      const uri = await client.open('.genai-review.json', bad);
      let diagnostics = await client.diagnostics(uri);
      if (!pull && diagnostics.length === 0) diagnostics = (await client.waitForPublish(uri, (p) => p.diagnostics.length > 0)).diagnostics;
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].message, '"productionType" must be "scripted" or "documentary".');
      assert.equal(diagnostics[0].range.start.line, 2);
      assert.equal(client.document(uri).getText(diagnostics[0].range), '"musical"');
    });
  });
}

describe('typing never waits on a stale analysis', () => {
  it('a pull the client cancels for a newer edit is answered "server cancelled", and the newer one is answered', async () => {
    const root = copyExamples();
    const client = await TestClient.start({ root, pull: true });
    const uri = await client.open('night-market.fountain');
    const source = new CancellationTokenSource();
    const stale = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
    const text = client.document(uri).getText();
    await client.insert(uri, text.indexOf('Hong Kong marches') + 'Hong Kong marches'.length, '. Approval: NFX-GAI-0413');
    source.cancel();
    await assert.rejects(stale, (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ServerCancelled && (e.data as { retriggerRequest: boolean }).retriggerRequest === true);
    const fresh = await client.diagnostics(uri);
    assert.ok(fresh.some((d) => (d.message as string).startsWith('Approved (NFX-GAI-0413)')));
    await client.stop();
    removeCopy(root);
  });
});

describe('diagnostics of the whole workspace', () => {
  let root: string;
  afterEach(() => removeCopy(root));

  it('pull: workspace/diagnostic lists every file, then only "unchanged" for what stayed the same', async () => {
    root = copyExamples();
    const client = await TestClient.start({ root, pull: true });
    const report = await client.workspaceDiagnostics();
    const byFile = new Map(report.items.map((i) => [path.basename(new URL(i.uri).pathname), i]));
    assert.deepEqual([...byFile.keys()].sort(), ['.genai-review.json', 'night-market.fountain', 'production-notes.md', 'vendor-log.txt']);
    const warnings = (name: string) => {
      const item = byFile.get(name)!;
      return item.kind === 'full' ? item.items.filter((d) => d.severity! <= DiagnosticSeverity.Warning).length : -1;
    };
    assert.equal(warnings('night-market.fountain') + warnings('production-notes.md') + warnings('vendor-log.txt'), countOutcomes(coreFindings(root))['approval-required']);
    const again = await client.workspaceDiagnostics(report.items.map((i) => ({ uri: i.uri, value: (i as { resultId: string }).resultId })));
    assert.ok(again.items.every((i) => i.kind === 'unchanged'));
    await client.stop();
  });

  it('push: every file with findings is published on start, not only open ones', async () => {
    root = copyExamples();
    const client = await TestClient.start({ root, pull: false });
    const published = [...client.published.values()];
    const warnings = published.flatMap((p) => p.diagnostics).filter((d) => d.severity! <= DiagnosticSeverity.Warning);
    const counts = countOutcomes(coreFindings(root));
    assert.equal(warnings.length, counts['approval-required']);
    assert.deepEqual(client.lastStatus, { approvalRequired: counts['approval-required'], approved: counts.approved, disclose: counts.disclose, files: 3 });
    await client.stop();
  });
});
