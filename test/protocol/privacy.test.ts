// Production material never leaves the machine, and the tool never touches the writer's files:
// the real CLI and the real server run on the example production with every network module of
// Node made to record and throw (denyNetwork.cjs, preloaded with --require), and the
// production folder is compared byte for byte before and after.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CodeAction, MarkupContent } from 'vscode-languageserver/node';
import { ServerCommands, type RescanResult, type SummaryResult } from '../../server/src/protocol';
import { REPO_ROOT, TestClient } from './testClient';
import { copyExamples, coreFindings, countOutcomes, removeCopy } from './workspaceCopy';

const DENY_NETWORK = path.join(__dirname, 'denyNetwork.cjs');

/** Every file under `root` with its size, modification time and content hash. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = statSync(full);
        files.set(path.relative(root, full), `${stat.size} ${stat.mtimeMs} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
      }
    }
  };
  walk(root);
  return files;
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('privacy: no network, no writes', () => {
  let root: string;
  let scratch: string;
  let networkLog: string;
  beforeEach(() => {
    if (!existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/ is missing: run `node esbuild.mjs` first (npm test does)');
    root = copyExamples();
    scratch = mkdtempSync(path.join(os.tmpdir(), 'genai-review-privacy-'));
    networkLog = path.join(scratch, 'network-attempts.log');
  });
  afterEach(() => {
    removeCopy(root);
    rmSync(scratch, { recursive: true, force: true });
  });

  function attempts(): string[] {
    return existsSync(networkLog) ? readFileSync(networkLog, 'utf8').trim().split('\n') : [];
  }

  it('the trap works: fetch, http, net, tls, dns and udp attempts are recorded and fail', async () => {
    const script = `
      const tries = [() => fetch('http://127.0.0.1:9'), () => require('http').get('http://127.0.0.1:9'), () => require('https').request('https://127.0.0.1:9'),
        () => require('net').connect(9, '127.0.0.1'), () => new (require('net').Socket)().connect(9, '127.0.0.1'), () => require('tls').connect(9, '127.0.0.1'),
        () => require('dns').lookup('localhost', () => {}), () => require('dns').promises.resolve4('localhost'), () => require('dgram').createSocket('udp4').send('x', 9, '127.0.0.1')];
      let failed = 0;
      for (const t of tries) { try { t(); } catch { failed++; } }
      console.log(failed + '/' + tries.length);`;
    const result = await run(['--require', DENY_NETWORK, '-e', script], { GENAI_NETWORK_LOG: networkLog });
    assert.equal(result.stdout.trim(), '9/9');
    assert.deepEqual(attempts(), ['fetch', 'http.get', 'https.request', 'net.connect', 'net.Socket.prototype.connect', 'tls.connect', 'dns.lookup', 'dns.promises.resolve4', 'dgram.Socket.prototype.send']);
  });

  it('the CLI reviews the production and writes its summary with no network attempt, and writes nothing else', async () => {
    const before = snapshot(root);
    const summary = path.join(root, 'DISCLOSURE.md');
    const result = await run(['--require', DENY_NETWORK, path.join(REPO_ROOT, 'dist/cli.js'), root, '--format', 'json', '--summary', summary], { GENAI_NETWORK_LOG: networkLog });
    assert.equal(result.code, 1, `exit 1: uses need approval\n${result.stderr}`);
    const report = JSON.parse(result.stdout) as { files: { findings: unknown[] }[] };
    const expected = countOutcomes(coreFindings(root));
    assert.equal(report.files.flatMap((f) => f.findings).length, expected['approval-required'] + expected.approved + expected.disclose);
    assert.match(readFileSync(summary, 'utf8'), /^# GenAI disclosure summary: Night Market/m);
    assert.deepEqual(attempts(), []);
    const after = snapshot(root);
    assert.deepEqual([...after.keys()].filter((f) => !before.has(f)), ['DISCLOSURE.md'], 'only the summary asked for is new');
    after.delete('DISCLOSURE.md');
    assert.deepEqual(after, before, 'every other file is as it was');
  });

  it('a whole editor session on the server: findings, hover, fixes, summary, rescan; no network attempt, no file touched', async () => {
    const before = snapshot(root);
    const client = await TestClient.start({ root, pull: true, process: true, nodeOptions: ['--require', DENY_NETWORK], env: { GENAI_NETWORK_LOG: networkLog } });
    const uri = await client.open('night-market.fountain');
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics.length, coreFindings(root).get('night-market.fountain')!.length);
    const flagged = diagnostics.find((d) => d.severity === 2)!;
    const hover = await client.hover(uri, client.document(uri).offsetAt(flagged.range.start) + 3);
    assert.match((hover!.contents as MarkupContent).value, /needs written approval/);
    const actions: CodeAction[] = await client.codeActions(uri, flagged.range, [flagged]);
    assert.ok(actions.length > 0);
    // The editor applies a chosen fix to its buffer; the server only ever proposes the edit.
    await client.applyEdit(actions[0].edit!);
    assert.ok((await client.diagnostics(uri)).length > 0);
    const notes = await client.open('production-notes.md');
    await client.insert(notes, 0, '- GenAI: generate the crowd for the market scene\n');
    await client.diagnostics(notes);
    await client.close(notes);
    const summary = await client.executeCommand<SummaryResult>(ServerCommands.summary);
    assert.equal(summary.json.title, 'Night Market');
    assert.equal((await client.executeCommand<RescanResult>(ServerCommands.rescan)).files, 4);
    await client.close(uri);
    assert.equal(await client.stop(), 0);
    assert.deepEqual(attempts(), []);
    assert.deepEqual(snapshot(root), before, 'the server wrote nothing into the production');
  });
});
