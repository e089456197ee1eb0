// Workspace trust: in VS Code's Restricted Mode no pattern from the workspace runs. The client
// passes the trust state in `initialize` and tells the server when the user grants it; VS Code
// itself withholds the workspace's values of the settings package.json restricts.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { WorkspaceTrustNotification, type WorkspaceTrustParams } from '../../server/src/protocol';
import { REPO_ROOT, TestClient } from './testClient';
import { copyExamples, removeCopy, writeFile } from './workspaceCopy';

const CONFIG = ['{', '  "productionTitle": "Night Market",', '  "approvalPattern": "ticket #(T\\\\d+)",', '  "exclude": ["drafts/**"],', '  "maxFileSizeBytes": 2000000000', '}'].join('\n');

describe('workspace trust', () => {
  let root: string;
  let client: TestClient;
  afterEach(async () => {
    await client.stop();
    removeCopy(root);
  });

  it('untrusted: the config\'s pattern and globs do not run and the config says so; granting trust applies them', async () => {
    root = copyExamples();
    writeFile(root, '.genai-review.json', CONFIG);
    writeFile(root, 'clearances.md', '- GenAI: de-age Rosa Delgado for the prologue. ticket #T88\n');
    writeFile(root, 'drafts/old.md', '- GenAI: clone the voice of Idris Kamal\n');
    const logs: string[] = [];
    client = await TestClient.start({ root, pull: true, initializationOptions: { workspaceTrusted: false } });
    client.events.on('log', (m: string) => logs.push(m));

    const notes = await client.open('clearances.md');
    const [untrusted] = await client.diagnostics(notes);
    assert.equal(untrusted.code, 'talent-likeness');
    assert.equal(untrusted.severity, DiagnosticSeverity.Warning, 'the workspace\'s pattern did not run: no approval found');
    const config = await client.open('.genai-review.json');
    const notUsed = await client.diagnostics(config);
    assert.deepEqual(notUsed.map((d) => [d.range.start.line + 1, d.severity, d.message]), [
      [3, DiagnosticSeverity.Information, '"approvalPattern" is not used until you trust this workspace: it is a regular expression from the workspace; the built-in pattern is used.'],
      [4, DiagnosticSeverity.Information, '"exclude" is not used until you trust this workspace: its globs come from the workspace; the default exclude globs are used.'],
      [5, DiagnosticSeverity.Information, '"maxFileSizeBytes" may only lower the limit until you trust this workspace; files over 5242880 bytes are skipped.'],
    ]);
    let report = await client.workspaceDiagnostics();
    assert.ok(report.items.some((i) => i.uri.endsWith('/drafts/old.md')), 'the default globs read drafts/');

    const status = client.nextStatus();
    await client.connection.sendNotification(WorkspaceTrustNotification.method, { trusted: true } satisfies WorkspaceTrustParams);
    await status;
    const [trusted] = await client.diagnostics(notes);
    assert.equal(trusted.severity, DiagnosticSeverity.Information);
    assert.match(trusted.message as string, /^Approved \(T88\)/);
    assert.deepEqual(await client.diagnostics(config), []);
    report = await client.workspaceDiagnostics();
    assert.ok(!report.items.some((i) => i.uri.endsWith('/drafts/old.md') && i.kind === 'full' && i.items.length > 0), 'drafts/ excluded once trusted');
    assert.ok(logs.some((m) => /Workspace trusted/.test(m)), logs.join('\n'));
  });

  it('trusted, or not told (an editor without workspace trust): the config applies in full', async () => {
    for (const initializationOptions of [{ workspaceTrusted: true }, undefined]) {
      root = copyExamples();
      writeFile(root, '.genai-review.json', CONFIG);
      writeFile(root, 'clearances.md', '- GenAI: de-age Rosa Delgado for the prologue. ticket #T88\n');
      client = await TestClient.start({ root, pull: true, initializationOptions });
      const [finding] = await client.diagnostics(await client.open('clearances.md'));
      assert.match(finding.message as string, /^Approved \(T88\)/);
      assert.deepEqual(await client.diagnostics(await client.open('.genai-review.json')), []);
      if (initializationOptions) {
        await client.stop();
        removeCopy(root);
      }
    }
  });

});

describe('workspace trust in package.json', () => {
  it('declares limited support and restricts every pattern setting', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.deepEqual(trust.restrictedConfigurations, ['genaiReview.approvalPattern', 'genaiReview.include', 'genaiReview.exclude', 'genaiReview.maxFileSizeBytes']);
    for (const setting of trust.restrictedConfigurations) assert.ok(manifest.contributes.configuration.properties[setting], setting);
  });
});
