// An LSP client for protocol tests, in the manner of compose-language-service's TestConnection:
// the server runs in this process over two PassThrough streams (or as the real
// `dist/server.js --stdio`), and tests send the requests an editor sends and look at what an
// editor would show. Waits are on messages, never on time.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createConnection,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceDiagnosticReport,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startLanguageServer, type ServerOptions } from '../../server/src/lsp/languageServer';
import { StatusNotification, type InitializationOptions, type StatusParams } from '../../server/src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface ClientOptions {
  /** Workspace folder (absolute path). */
  root: string;
  /** Pull diagnostics (LSP 3.17) or push (publishDiagnostics). */
  pull: boolean;
  /** The client takes snippet edits. */
  snippets?: boolean;
  /** `genaiReview` settings answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Run `node dist/server.js --stdio` instead of the server in process. */
  process?: boolean;
  /** Return as soon as `initialized` is sent, before the server has read the workspace (as VS Code does). */
  noWaitForScan?: boolean;
  /** With `process`: options for node before the script (`--require` a preload), and extra environment. */
  nodeOptions?: string[];
  env?: Record<string, string>;
  /** Sent as `initializationOptions` (the VS Code client sends the workspace trust). */
  initializationOptions?: InitializationOptions;
  server?: ServerOptions;
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = { '.fountain': 'fountain', '.md': 'markdown', '.txt': 'plaintext', '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

function capabilitiesOf(options: ClientOptions): ClientCapabilities {
  const capabilities: ClientCapabilities = {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true, snippetEditSupport: options.snippets === true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    },
  };
  if (options.pull) {
    capabilities.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    capabilities.workspace!.diagnostics = { refreshSupport: true };
  }
  return capabilities;
}

export class TestClient {
  readonly events = new EventEmitter();
  /** Last diagnostics pushed per URI. */
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly messages: string[] = [];
  readonly registrations: string[] = [];
  refreshes = 0;
  lastStatus: StatusParams | undefined;
  private readonly docs = new Map<string, TextDocument>();
  private readonly resultIds = new Map<string, string>();
  private settings: Record<string, unknown>;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly options: ClientOptions,
    private readonly child?: ChildProcess,
    private readonly streams: PassThrough[] = [],
  ) {
    this.settings = options.settings ?? {};
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === 'genaiReview' ? this.settings : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.events.emit('refresh');
      return null;
    });
    connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.events.emit('log', p.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p);
      this.events.emit('publish', p);
    });
    connection.onNotification(StatusNotification.method, (p: StatusParams) => {
      this.lastStatus = p;
      this.events.emit('status', p);
    });
  }

  static async start(options: ClientOptions): Promise<TestClient> {
    let connection: ProtocolConnection;
    let child: ChildProcess | undefined;
    const streams: PassThrough[] = [];
    if (options.process) {
      child = spawn(process.execPath, [...(options.nodeOptions ?? []), path.join(REPO_ROOT, 'dist/server.js'), '--stdio'], {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...options.env },
      });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    } else {
      const up = new PassThrough();
      const down = new PassThrough();
      streams.push(up, down);
      startLanguageServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), options.server);
      connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    }
    const client = new TestClient(connection, options, child, streams);
    connection.listen();
    // A server process that dies fails the test at once instead of leaving it to time out.
    const died = new Promise<never>((_, reject) => child?.once('exit', (code) => reject(new Error(`dist/server.js exited with code ${code} during start`))));
    died.catch(() => undefined);
    const scanned = Promise.race([client.nextStatus(), died]);
    const rootUri = pathToFileURL(options.root).href;
    await Promise.race([died, connection.sendRequest(InitializeRequest.type, {
      // In process, no watchdog on our own pid (it would keep the test run alive).
      processId: options.process ? process.pid : null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(options.root) }],
      capabilities: capabilitiesOf(options),
      initializationOptions: options.initializationOptions,
    })]);
    await connection.sendNotification(InitializedNotification.type, {});
    if (!options.noWaitForScan) await scanned; // the workspace scan ends with a status notification
    return client;
  }

  /** The next status notification (sent after each scan and each settled burst of changes). */
  nextStatus(): Promise<StatusParams> {
    return new Promise((resolve) => this.events.once('status', resolve));
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.options.root, relative)).href;
  }

  document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  async open(relative: string, text = readFileSync(path.join(this.options.root, relative), 'utf8')): Promise<string> {
    const uri = this.uri(relative);
    const languageId = LANGUAGE_BY_EXTENSION[path.extname(relative)] ?? 'plaintext';
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Opens a document that is no file (an untitled editor), as `languageId`. */
  async openUntitled(uri: string, languageId: string, text: string): Promise<string> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    this.resultIds.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Applies edits as the editor would and sends them as an incremental change. */
  async edit(uri: string, edits: TextEdit[]): Promise<void> {
    const doc = this.document(uri);
    // LSP content changes apply in order, each to the result of the last: send them last first.
    const ordered = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const updated = TextDocument.update(doc, ordered.map((e) => ({ range: e.range, text: e.newText })), doc.version + 1);
    this.docs.set(uri, updated);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: updated.version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  async insert(uri: string, offset: number, text: string): Promise<void> {
    const at = this.document(uri).positionAt(offset);
    await this.edit(uri, [{ range: { start: at, end: at }, newText: text }]);
  }

  /** The diagnostics an editor shows for an open document now: pulled, or the next push for this version. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.options.pull) {
      const previousResultId = this.resultIds.get(uri);
      const report: DocumentDiagnosticReport = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
      if (report.kind === 'unchanged') return this.lastPulled.get(uri) ?? [];
      if (report.resultId) this.resultIds.set(uri, report.resultId);
      this.lastPulled.set(uri, report.items);
      return report.items;
    }
    const version = this.docs.get(uri)?.version;
    const known = this.published.get(uri);
    if (known && (version === undefined || known.version === version)) return known.diagnostics;
    return (await this.waitForPublish(uri, (p) => version === undefined || p.version === version)).diagnostics;
  }

  private readonly lastPulled = new Map<string, Diagnostic[]>();

  waitForPublish(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const listener = (p: PublishDiagnosticsParams) => {
        if (p.uri !== uri || !accept(p)) return;
        this.events.off('publish', listener);
        resolve(p);
      };
      this.events.on('publish', listener);
    });
  }

  workspaceDiagnostics(previousResultIds: { uri: string; value: string }[] = []): Promise<WorkspaceDiagnosticReport> {
    return this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
  }

  hover(uri: string, offset: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: this.document(uri).positionAt(offset) });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    return (result ?? []) as CodeAction[];
  }

  /** Applies a workspace edit to the open documents as an editor would (snippets as their plain text). */
  async applyEdit(edit: WorkspaceEdit): Promise<void> {
    const byUri = new Map<string, TextEdit[]>();
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) throw new Error('only text edits are expected');
      const doc = this.document(change.textDocument.uri);
      if (change.textDocument.version !== null && change.textDocument.version !== doc.version) throw new Error('edit for an old version');
      byUri.set(change.textDocument.uri, change.edits.map((e) => ('snippet' in e ? { range: e.range, newText: snippetToText(e.snippet.value) } : e)));
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
    for (const [uri, edits] of byUri) await this.edit(uri, edits);
  }

  executeCommand<T>(command: string, args: unknown[] = []): Promise<T> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { genaiReview: settings } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Shuts the server down; a server process is told to exit (in process, exit would end the test run). */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    if (!this.child) {
      this.connection.dispose();
      for (const s of this.streams) s.end();
      return null;
    }
    const exited = new Promise<number | null>((resolve) => this.child!.once('exit', (code) => resolve(code)));
    await this.connection.sendNotification(ExitNotification.type);
    const code = this.child.exitCode ?? (await exited);
    this.connection.dispose();
    return code;
  }
}

/** What a snippet inserts when its fields are left as they are. */
export function snippetToText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) out += snippet[++i];
    else if (c === '$' && snippet[i + 1] === '{') {
      const colon = snippet.indexOf(':', i);
      let depth = 1;
      let j = colon + 1;
      let value = '';
      for (; j < snippet.length && depth > 0; j++) {
        if (snippet[j] === '\\') value += snippet[++j];
        else if (snippet[j] === '}') depth--;
        else value += snippet[j];
      }
      out += value;
      i = j - 1;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else out += c;
  }
  return out;
}
