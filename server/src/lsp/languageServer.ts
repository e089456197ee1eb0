// Wires the review to an LSP connection: capabilities, documents, settings, file watching and
// the handlers. Takes any connection (stdio, IPC, or two streams in a test) and a clock, so the
// protocol tests run this very code in process.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_KINDS } from '../core/disclosure/fixes';
import { warmUpNlp } from '../core/nlp/analyzeText';
import { SETTINGS_SECTION, SOURCE_ACTION_KIND, WorkspaceTrustNotification, type InitializationOptions, type WorkspaceTrustParams } from '../protocol';
import { codeActionsFor, sourceKindOf } from './codeActions';
import { createExecuteCommandHandler, SERVER_COMMANDS } from './commands';
import { startDiagnosticsDelivery, type Delivery } from './diagnosticsDelivery';
import { foldingRangesOf } from './folding';
import { hoverFor } from './hover';
import { isPosition, isRange, lineIndexFor, offsetOf } from './positions';
import { ReviewSession, UNTRUSTED_MESSAGE } from './session';
import { settingsToConfig } from './settings';
import { setSliceMs, SLICE_MS } from './slices';

export interface ServerOptions {
  /** Milliseconds of analysis between two looks at the message queue (tests use 0). */
  sliceMs?: number;
  /** `…README.md#rule-`: with a rule id appended, the rule's documentation (codeDescription). */
  ruleDocsBase?: string;
  /** The clock of the disclosure summary. */
  now?: () => Date;
}

/** Files whose changes on disk the review follows. */
const WATCHED_GLOBS = ['**/*.{fountain,spmd,fdx,md,markdown,txt,text}', '**/.genai-review.{json,yaml,yml}'];

export function startLanguageServer(connection: Connection, options: ServerOptions = {}): void {
  setSliceMs(options.sliceMs ?? SLICE_MS);
  const documents = new TextDocuments(TextDocument);
  const session = new ReviewSession(documents, { ruleDocsBase: options.ruleDocsBase, log: (m) => connection.console.info(m) });
  let capabilities: ClientCapabilities = {};
  let delivery: Delivery | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    if (initOptions.workspaceTrusted === false) {
      session.production.setWorkspaceTrusted(false);
      connection.console.info(UNTRUSTED_MESSAGE);
    }
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.files.setRoots(roots.map((u) => session.uris.toPath(u)).filter((p): p is string => p !== undefined));
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    delivery = startDiagnosticsDelivery(connection, session, { pull, refreshSupport: capabilities.workspace?.diagnostics?.refreshSupport === true });
    // The language analysis loads its lexicon once the answer is on its way, while the editor
    // is still opening documents, rather than at start (before the answer) or at the first note.
    setImmediate(warmUpNlp);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, SOURCE_ACTION_KIND, ...FIX_KINDS.map(sourceKindOf)], resolveProvider: false },
        executeCommandProvider: { commands: [...SERVER_COMMANDS] },
        ...(pull ? { diagnosticProvider: { identifier: 'genai-review', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'GenAI Review' },
    };
  });

  const readSettings = async () => {
    if (!capabilities.workspace?.configuration) return;
    const section = await connection.workspace.getConfiguration(SETTINGS_SECTION);
    applySettings(section);
  };
  const applySettings = (section: unknown) => {
    const { config, problems } = settingsToConfig(section);
    session.production.setBaseConfig(config);
    for (const problem of problems) {
      connection.console.warn(problem);
      void connection.window.showWarningMessage(problem);
    }
  };

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => session.uris.toPath(f.uri)));
        const roots = [...session.files.getRoots().filter((r) => !removed.has(r)), ...event.added.map((f) => session.uris.toPath(f.uri)).filter((p): p is string => p !== undefined)];
        session.files.setRoots(roots);
        void session.rescan();
      });
    }
    try {
      await readSettings();
    } catch (e) {
      connection.console.error(`Could not read settings: ${(e as Error).message}`);
    }
    await session.rescan();
  });

  connection.onDidChangeConfiguration(async (params) => {
    if (capabilities.workspace?.configuration) await readSettings();
    else applySettings((params.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    await session.settingsChanged();
  });

  connection.onNotification(WorkspaceTrustNotification.method, (params: WorkspaceTrustParams) => {
    if (typeof params?.trusted === 'boolean') void session.setWorkspaceTrusted(params.trusted);
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of Array.isArray(params?.changes) ? params.changes : []) {
      if (typeof change?.uri !== 'string') continue;
      const p = session.pathOf(change.uri);
      if (!p) continue;
      if (change.type === FileChangeType.Deleted) session.fileDeletedOnDisk(p);
      else await session.fileChangedOnDisk(p);
    }
  });

  documents.onDidChangeContent((event) => session.documentChanged(event.document));
  documents.onDidClose((event) => void session.documentClosed(event.document.uri));

  // Positions and URIs come from the client as it sends them: one that is not a position gets
  // no answer rather than an exception; one past the end is clamped, as LSP asks.
  // Hover and code actions wait for the file's analysis in slices, like diagnostics: a file of
  // thousands of notes never holds up the messages behind them; the client's cancellation ends
  // the wait. The text is read after the wait, so findings and text are of the same version.
  connection.onHover(async (params, token) => {
    if (!isPosition(params?.position) || typeof params.textDocument?.uri !== 'string') return null;
    const p = session.pathOf(params.textDocument.uri);
    if (!p || session.production.text(p) === undefined) return null;
    const result = await session.resultInSlices(p, () => token.isCancellationRequested);
    const text = session.production.text(p);
    if (!result || text === undefined) return null;
    const index = lineIndexFor(p, text);
    return hoverFor(result.findings, offsetOf(index, params.position), index);
  });

  connection.onFoldingRanges((params) => {
    if (typeof params?.textDocument?.uri !== 'string') return [];
    const p = session.pathOf(params.textDocument.uri);
    const text = p ? session.production.text(p) : undefined;
    if (!p || text === undefined || session.production.document(p)?.kind !== 'fountain') return [];
    return foldingRangesOf(text, lineIndexFor(p, text));
  });

  connection.onCodeAction(async (params, token) => {
    if (!isRange(params?.range) || typeof params.textDocument?.uri !== 'string') return [];
    const p = session.pathOf(params.textDocument.uri);
    if (!p || !session.production.document(p)) return [];
    const result = await session.resultInSlices(p, () => token.isCancellationRequested);
    const doc = session.production.document(p);
    if (!result || !doc) return [];
    const snippets = capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
    const documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    return codeActionsFor({
      uri: params.textDocument.uri,
      version: documents.get(params.textDocument.uri)?.version ?? null,
      doc,
      index: lineIndexFor(p, doc.text),
      findings: result.findings,
      params,
      capabilities: { snippets, documentChanges },
    });
  });

  connection.onShutdown(() => {
    delivery?.dispose();
    session.dispose();
  });

  connection.onExecuteCommand(createExecuteCommandHandler({ session, now: options.now ?? (() => new Date()) }));

  documents.listen(connection);
  connection.listen();
}
