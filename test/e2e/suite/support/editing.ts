// Editing as a writer does: open the file in an editor, ask for the quick fixes on a flagged
// note, apply one, select words and type over them.
import * as vscode from 'vscode';
import { exampleUri, lineOf } from './examples';
import { describeDiagnostics, waitUntil } from './waitFor';

export async function openEditor(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(exampleUri(name), { preview: false });
}

/** The diagnostic on the line holding `words` (the note's first line), once it is shown. */
export async function diagnosticOn(editor: vscode.TextEditor, words: string): Promise<vscode.Diagnostic> {
  const line = lineOf(editor.document.getText(), words);
  return waitUntil(
    () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.range.start.line === line),
    () => `a diagnostic on line ${line + 1} ("${words}"); shown:\n${describeDiagnostics(vscode.languages.getDiagnostics(editor.document.uri))}`,
  );
}

/** The quick fixes the editor offers for a diagnostic (what Ctrl+. lists). */
export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** Applies the quick fix with this title through the workspace edit API, as the editor does. */
export async function applyQuickFix(editor: vscode.TextEditor, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
  const actions = await quickFixes(editor.document.uri, diagnostic);
  const action = actions.find((a) => a.title === title);
  if (!action?.edit) throw new Error(`no quick fix "${title}"; offered: ${actions.map((a) => `"${a.title}"`).join(', ')}`);
  const before = editor.document.version;
  if (!(await vscode.workspace.applyEdit(action.edit))) throw new Error(`the editor refused the edit of "${title}"`);
  if (editor.document.version === before) throw new Error(`"${title}" changed nothing`);
}

/** Selects the only occurrence of `words` in the editor. */
export function select(editor: vscode.TextEditor, words: string, from = 0): void {
  const text = editor.document.getText();
  const at = text.indexOf(words, from);
  if (at < 0) throw new Error(`"${words}" is not in ${vscode.workspace.asRelativePath(editor.document.uri)}`);
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + words.length));
}

/** Types text key by key at the selection, through the editor's own `type` command. */
export async function typeText(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false, preserveFocus: false });
  for (const character of text) await vscode.commands.executeCommand('type', { text: character });
}
