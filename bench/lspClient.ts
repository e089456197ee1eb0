// A minimal LSP client for the benchmark: starts the real `node dist/server.js --stdio`, opens
// documents, sends edits as an editor does (incremental didChange) and times how long the
// diagnostics take to come back, pulled (textDocument/diagnostic) or pushed (publishDiagnostics).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT } from './featureScript';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export class BenchClient {
  private readonly docs = new Map<string, TextDocument>();
  private readonly resultIds = new Map<string, string>();
  private readonly waiters: ((p: PublishDiagnosticsParams) => boolean)[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
    readonly pull: boolean,
    readonly root: string,
  ) {
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('window/showMessage', () => undefined);
    connection.onNotification('genaiReview/status', () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      for (let i = 0; i < this.waiters.length; i++) {
        if (this.waiters[i](p)) {
          this.waiters.splice(i, 1);
          return;
        }
      }
    });
  }

  /** Spawns the server on `root` and waits for `initialize`; `startedAt` is when the process was spawned. */
  static async start(root: string, pull: boolean): Promise<{ client: BenchClient; startedAt: number }> {
    const startedAt = performance.now();
    const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(' ') : []), path.join(REPO_ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new BenchClient(connection, child, pull, root);
    connection.listen();
    const rootUri = pathToFileURL(root).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, startedAt };
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).href;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  async open(relative: string, text = readFileSync(path.join(this.root, relative), 'utf8')): Promise<string> {
    const uri = this.uri(relative);
    this.docs.set(uri, TextDocument.create(uri, 'fountain', 1, text));
    this.resultIds.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'fountain', version: 1, text } });
    return uri;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    this.resultIds.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Applies `edit` here as the editor does, then sends it; resolves once it is written to the server. */
  async change(uri: string, edit: Edit): Promise<void> {
    const doc = this.docs.get(uri)!;
    const range = { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) };
    const next = TextDocument.update(doc, [{ range, text: edit.text }], doc.version + 1);
    this.docs.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ range, text: edit.text }],
    });
  }

  /** The diagnostics for the document's current version: pulled now, or the push for this version. */
  diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.pull) return this.pullDiagnostics(uri);
    const version = this.docs.get(uri)!.version;
    return new Promise((resolve) => this.waiters.push((p) => (p.uri === uri && p.version === version ? (resolve(p.diagnostics), true) : false)));
  }

  private lastItems = new Map<string, Diagnostic[]>();

  private async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: this.resultIds.get(uri) });
    if (report.kind === 'unchanged') return this.lastItems.get(uri) ?? [];
    if (report.resultId) this.resultIds.set(uri, report.resultId);
    this.lastItems.set(uri, report.items);
    return report.items;
  }

  /**
   * Milliseconds from sending `edit` to having the diagnostics of the edited version. For push,
   * the listener is in place before the edit goes out, so no notification can be missed.
   */
  async timeEdit(uri: string, edit: Edit): Promise<{ ms: number; diagnostics: Diagnostic[] }> {
    const t0 = performance.now();
    if (this.pull) {
      await this.change(uri, edit);
      const diagnostics = await this.pullDiagnostics(uri);
      return { ms: performance.now() - t0, diagnostics };
    }
    const version = this.docs.get(uri)!.version + 1;
    const published = new Promise<Diagnostic[]>((resolve) => this.waiters.push((p) => (p.uri === uri && p.version === version ? (resolve(p.diagnostics), true) : false)));
    await this.change(uri, edit);
    const diagnostics = await published;
    return { ms: performance.now() - t0, diagnostics };
  }

  /** Peak and current resident memory of the server process, from /proc (Linux); undefined elsewhere. */
  memory(): { peakMB: number; rssMB: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
    } catch {
      return undefined;
    }
  }

  /** CPU time (user + system) the server has used so far, from /proc (Linux); undefined elsewhere. */
  cpuMs(): number | undefined {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime, in clock ticks (100 per second on Linux).
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    if (this.child.exitCode === null) await exited;
    this.connection.dispose();
  }
}
