// The VS Code side: starts the language server (over IPC, restarted if it crashes), and offers
// the commands and the status bar item. Thin on purpose: every analysis runs in the server;
// this file imports nothing from the server but its protocol.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  ClientCommands,
  ServerCommands,
  StatusNotification,
  WorkspaceTrustNotification,
  type InitializationOptions,
  type RescanResult,
  type StatusParams,
  type SummaryResult,
  type WorkspaceTrustParams,
} from '../../server/src/protocol';

let client: LanguageClient | undefined;

export interface SummaryOpened extends SummaryResult {
  /** The untitled Markdown document the summary was opened in. */
  uri: string;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('GenAI Review', { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Config files by name, whatever language the editor gives them (json, yaml, or none).
    documentSelector: [{ language: 'fountain' }, { language: 'markdown' }, { language: 'plaintext' }, { scheme: 'file', pattern: '**/.genai-review.{json,yaml,yml}' }],
    // Pull diagnostics again as the writer types and saves; other open files that depend on the
    // edited one are refreshed by the server.
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel: output,
    markdown: { isTrusted: false, supportHtml: false },
    // In restricted mode no pattern from the workspace runs; VS Code itself withholds the
    // workspace's values of the settings package.json lists under restrictedConfigurations.
    // A function: a server restarted after trust was granted is told the current state.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
  };
  client = new LanguageClient('genaiReview', 'GenAI Review', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('genaiReview.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'GenAI Review';
  status.command = ClientCommands.showProblems;
  context.subscriptions.push(status, output);
  client.onNotification(StatusNotification.method, (counts: StatusParams) => showStatus(status, counts));

  for (const [id, run] of Object.entries(createCommands(output))) context.subscriptions.push(vscode.commands.registerCommand(id, run));
  // The client restarts the server when it crashes (up to four times in three minutes, then says so).
  await client.start();
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(WorkspaceTrustNotification.method, { trusted: true } satisfies WorkspaceTrustParams);
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function showStatus(item: vscode.StatusBarItem, counts: StatusParams): void {
  if (counts.files === 0) {
    item.hide();
    return;
  }
  const open = counts.approvalRequired;
  item.text = open > 0 ? `$(warning) ${open} need approval` : '$(check) GenAI uses approved';
  item.tooltip = `GenAI Review: ${open} AI ${open === 1 ? 'use needs' : 'uses need'} written approval, ${counts.approved} approved, ${counts.disclose} to disclose (${counts.files} files). Click to open the Problems panel.`;
  item.show();
}

/** The summary editor last opened, reused while it stays open. */
let summaryDocument: vscode.TextDocument | undefined;

/**
 * Shows the summary in an unsaved Markdown document beside the script (saved only if the person
 * wants to); generating it again replaces the text of the one still open. The document is
 * shown before it gets its text: VS Code opens a modified untitled document that has no editor
 * yet in the active group on its own, which would show it twice.
 */
async function showSummary(markdown: string): Promise<vscode.TextDocument> {
  const reuse = summaryDocument && !summaryDocument.isClosed && summaryDocument.isUntitled ? summaryDocument : undefined;
  const doc = reuse ?? (await vscode.workspace.openTextDocument({ language: 'markdown' }));
  summaryDocument = doc;
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  if (doc.getText() !== markdown) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), markdown);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('Could not write the disclosure summary into its editor.');
  }
  return doc;
}

/** The commands, one small function each; every one returns its result so a test can check it. */
function createCommands(output: vscode.LogOutputChannel): Record<string, (...args: unknown[]) => unknown> {
  const server = () => {
    if (!client) throw new Error('The GenAI Review server is not running.');
    return client;
  };
  return {
    async [ClientCommands.generateSummary](target?: unknown): Promise<SummaryOpened> {
      const uris = target instanceof vscode.Uri ? [target.toString()] : undefined;
      const result = (await server().sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.summary, arguments: uris ? [{ uris }] : [] })) as SummaryResult;
      const doc = await showSummary(result.markdown);
      return { ...result, uri: doc.uri.toString() };
    },
    async [ClientCommands.rescanWorkspace](): Promise<RescanResult> {
      const result = (await server().sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.rescan, arguments: [] })) as RescanResult;
      // Not awaited: a command that waits on a message would wait until it is dismissed.
      void vscode.window.showInformationMessage(`GenAI Review read ${result.files} files again.`);
      return result;
    },
    [ClientCommands.showOutput](): void {
      output.show(true);
    },
    [ClientCommands.showProblems](): Thenable<unknown> {
      return vscode.commands.executeCommand('workbench.actions.view.problems');
    },
  };
}
