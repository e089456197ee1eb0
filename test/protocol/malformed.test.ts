// The real `dist/server.js --stdio` fed what a buggy or hostile client might send: unknown
// methods, positions outside the document, a document closed twice, changes for a document it
// never saw, frames that are not JSON-RPC, frames without a valid header. It must answer what it can, ignore the rest, stay up,
// and still answer a hover afterwards.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type MarkupContent,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { REPO_ROOT } from './testClient';
import { copyExamples, removeCopy } from './workspaceCopy';

/** One framed message, whatever its body. */
function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

describe('malformed LSP traffic to dist/server.js --stdio', () => {
  let root: string;
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let stderr = '';

  before(function () {
    if (!existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.mjs` first (npm test does)');
  });
  afterEach(() => {
    // A failed assertion leaves the server running: end it, or mocha waits on its pipes.
    if (child.exitCode === null && child.signalCode === null) child.kill();
    removeCopy(root);
  });

  /** Writes raw bytes to the server, between whole messages of the connection. */
  function raw(text: string): Promise<void> {
    return new Promise((resolve, reject) => child.stdin!.write(text, (e) => (e ? reject(e) : resolve())));
  }

  it('answers or ignores every bad message, stays up, and still answers a hover', async function () {
    this.timeout(30000);
    root = copyExamples();
    child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => (stderr += d));
    let exited: number | null | undefined;
    child.on('exit', (code) => (exited = code));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    const errors: string[] = [];
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) errors.push(p.message);
    });
    connection.listen();
    const rootUri = pathToFileURL(root).href;
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: { textDocument: { diagnostic: {} } } });
    await connection.sendNotification(InitializedNotification.type, {});

    const uri = pathToFileURL(path.join(root, 'notes.md')).href;
    const text = '# Notes\n\n- GenAI: clone the voice of Idris Kamal for the pickups\n';
    const hoverAt = { line: 2, character: 5 };

    // Unknown methods: a request gets MethodNotFound, a notification is dropped.
    await assert.rejects(connection.sendRequest('genaiReview/bogus', { x: 1 }), (e: { code: number }) => e.code === ErrorCodes.MethodNotFound);
    await connection.sendNotification('bogus/notification', { x: 1 });
    await connection.sendNotification('$/bogus', {});
    await connection.sendNotification('$/cancelRequest', { id: 987654 });

    // Document life cycle out of order.
    const never = pathToFileURL(path.join(root, 'never-opened.md')).href;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: never, version: 2 }, contentChanges: [{ text: '- GenAI: de-age Rosa' }] });
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: never } });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: '' }],
    });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: -4, character: -1 }, end: { line: -1, character: -7 } }, text: '' }],
    });
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 4 }, contentChanges: [{ text: 'closed' }] });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:x', languageId: 'cobol', version: 1, text: 'GenAI: x' } });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'file:///%E0%A4%A', languageId: 'markdown', version: 1, text: 'GenAI: x' } });

    // Frames that are not JSON-RPC, or not JSON at all.
    await raw(frame('{this is not json'));
    await raw(frame('[1, 2, 3]'));
    await raw(frame('{"foo": 1}'));
    await raw(frame('{"jsonrpc": "2.0", "id": 424242, "result": null}'));
    await raw(frame('{"jsonrpc": "2.0", "method": "textDocument/hover", "params": "nonsense", "id": 7001}'));
    await raw(frame('{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 7002}'));
    await raw(frame('null'));
    // Frames without a valid header: the server drops them, says so on stderr, and reads the
    // next message as a message rather than misreading everything after them.
    await raw('Hello: world\r\n\r\n{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 7003}');
    await raw('no header at all\n');
    await raw('Content-Length: many\r\n\r\n{}');

    // Open it again, and ask about places that are not in it.
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 10, text } });
    const badPositions = [
      { line: -1, character: -5 },
      { line: 1_000_000, character: 0 },
      { line: 2, character: 1_000_000 },
      { line: 0.5, character: Number.NaN },
      { line: '2', character: null },
      null,
    ];
    for (const position of badPositions) {
      // Past the end of a line is clamped to it (LSP); what is no position gets no hover.
      const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position } as never);
      if (position?.line === 2) assert.match((hover!.contents as MarkupContent).value, /needs written approval/);
      else assert.equal(hover, null, JSON.stringify(position));
    }
    for (const badUri of [never, 'untitled:nothing', 'file:///%E0%A4%A', '', 'http://example.invalid/notes.md']) {
      assert.equal(await connection.sendRequest(HoverRequest.type, { textDocument: { uri: badUri }, position: hoverAt }), null, badUri);
      assert.deepEqual(await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: badUri } }), { kind: 'full', items: [] }, badUri);
    }
    const range = { start: { line: 50, character: 3 }, end: { line: -2, character: 900 } };
    const actions = await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [{ range, message: 'x', data: { start: 'a' } }] } });
    assert.ok(Array.isArray(actions));
    for (const params of [{ textDocument: { uri }, range }, { textDocument: { uri }, range: { start: hoverAt } }, { textDocument: {}, range }]) {
      assert.deepEqual(await connection.sendRequest(CodeActionRequest.type, params as never), [], JSON.stringify(params));
    }
    for (const params of [{}, { textDocument: { uri: 5 } }, { textDocument: { uri: never } }]) {
      assert.deepEqual(await connection.sendRequest('textDocument/foldingRange', params), [], JSON.stringify(params));
    }
    await assert.rejects(connection.sendRequest(ExecuteCommandRequest.type, { command: 'genaiReview.nothing' }));
    for (const args of [[{ uris: 5 }], [null], [[1, {}]], ['not a uri']]) {
      const summary = (await connection.sendRequest(ExecuteCommandRequest.type, { command: 'genaiReview.summary', arguments: args })) as { markdown: string };
      assert.equal(typeof summary.markdown, 'string');
    }
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'http://x/y.md', type: 1 }, { uri: '', type: 3 }, { uri: pathToFileURL(path.join(root, 'gone.md')).href, type: 2 }, null] });

    // After all that, the server still reviews and explains.
    const diagnostics = (await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: { code: string }[] };
    assert.deepEqual(diagnostics.items.map((d) => d.code), ['talent-likeness']);
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt });
    assert.match((hover!.contents as MarkupContent).value, /^\*\*GenAI use: needs written approval\*\*/);
    assert.equal(exited, undefined, `the server exited: ${stderr}`);
    assert.match(stderr, /Dropped \d+ bytes of input: a message without a valid Content-Length header/);
    // The protocol library names the frames that were not JSON-RPC; no handler of ours failed.
    assert.deepEqual(errors.filter((m) => !/^Received (message which is neither|empty message)/.test(m)), []);

    await connection.sendRequest(ShutdownRequest.type);
    const exit = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exit, 0);
    connection.dispose();
  });
});
