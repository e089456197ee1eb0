// The example production the suite runs on (a fresh copy of examples/, the editor's only
// workspace folder), and what the editor should show for it. The expectations come from the
// files' own text and from the analysis the CLI runs on the same files (core/workspace.ts), so
// the suite checks that the editor shows the review faithfully, on the right lines, whatever
// the classifier's current judgement of each example note.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GenaiReviewConfig } from '../../../../server/src/core/config/config';
import type { Finding } from '../../../../server/src/core/findings';
import { Production } from '../../../../server/src/core/workspace';
import { codeOf, describeDiagnostics, waitForDiagnostics } from './waitFor';

export const SCREENPLAY = 'night-market.fountain';
export const NOTES = 'production-notes.md';
export const VENDOR_LOG = 'vendor-log.txt';
export const CONFIG = '.genai-review.json';
/** The files of examples/ the review reads, in the order the tests go through them. */
export const EXAMPLE_FILES = [SCREENPLAY, NOTES, VENDOR_LOG] as const;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor has no workspace folder: the runner opens a copy of examples/');
  return folder.uri;
}

export function exampleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

const originals = new Map<string, string>();

/**
 * The file's text as the runner copied it, read once: tests that edit a file put this back,
 * and save only this text.
 */
export function originalText(name: string): string {
  let text = originals.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(examplesOnDisk(), name), 'utf8');
    originals.set(name, text);
  }
  return text;
}

/** The workspace copy on disk (the extension host runs on the same machine as the files). */
function examplesOnDisk(): string {
  return workspaceRoot().fsPath;
}

/** 0-based line of the only occurrence of `snippet` in `text`. */
export function lineOf(text: string, snippet: string): number {
  const at = text.indexOf(snippet);
  if (at < 0) throw new Error(`"${snippet}" is not in the text`);
  if (text.indexOf(snippet, at + 1) >= 0) throw new Error(`"${snippet}" is in the text more than once`);
  return text.slice(0, at).split(/\r\n|\r|\n/).length - 1;
}

export interface ExpectedDiagnostic {
  file: string;
  finding: Finding;
  line: number;
  severity: vscode.DiagnosticSeverity;
}

export const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export interface ExampleChanges {
  /** Files whose text a test changed, by name. */
  texts?: Record<string, string>;
  /** The editor's settings a test changed (`genaiReview.*`, as the config file spells them). */
  settings?: Partial<GenaiReviewConfig>;
}

/** The production as the CLI reads it: every example file as the runner copied it, with a test's changes. */
export function analyzeExamples(changes: ExampleChanges = {}): Production {
  const production = new Production(changes.settings);
  const root = examplesOnDisk().split(path.sep).join('/');
  for (const name of [...EXAMPLE_FILES, CONFIG]) production.setFile(`${root}/${name}`, changes.texts?.[name] ?? originalText(name));
  return production;
}

/** What the analysis finds in one example file, with the line each finding starts on. */
export function expectedDiagnostics(name: string, production = analyzeExamples()): ExpectedDiagnostic[] {
  const p = `${examplesOnDisk().split(path.sep).join('/')}/${name}`;
  const text = production.text(p)!;
  return production.analyze(p).map((finding) => ({
    file: name,
    finding,
    line: text.slice(0, finding.span.start).split(/\r\n|\r|\n/).length - 1,
    severity: SEVERITY[finding.severity],
  }));
}

/** What a person compares in the Problems panel: line, severity, rule and message. */
export function signature(d: { line: number; severity: vscode.DiagnosticSeverity; code: string; message: string }): string {
  return `line ${d.line + 1} ${vscode.DiagnosticSeverity[d.severity]} [${d.code}] ${d.message}`;
}

export function diagnosticSignatures(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => signature({ line: d.range.start.line, severity: d.severity, code: codeOf(d), message: d.message })).sort();
}

export function expectedSignatures(expected: readonly ExpectedDiagnostic[]): string[] {
  return expected.map((e) => signature({ line: e.line, severity: e.severity, code: e.finding.ruleId, message: e.finding.message })).sort();
}

/**
 * Waits until the file shows exactly what the analysis finds in the example (as the runner
 * copied it, or with a test's changes).
 */
export async function waitForExampleDiagnostics(name: string, changes?: ExampleChanges): Promise<vscode.Diagnostic[]> {
  const want = expectedSignatures(expectedDiagnostics(name, analyzeExamples(changes))).join('\n');
  return waitForDiagnostics(
    exampleUri(name),
    (diagnostics) => diagnosticSignatures(diagnostics).join('\n') === want,
    `${changes ? 'the analysis of the changed example' : "the example's own diagnostics"}:\n${want}\n`,
  );
}

/**
 * Puts an example file back as the runner copied it (text and disk), if a test changed it, and
 * waits until its diagnostics are the example's again.
 */
export async function restoreExample(name: string): Promise<void> {
  const uri = exampleUri(name);
  const original = originalText(name);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && open.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), original);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not put ${name} back`);
  }
  if (open?.isDirty) await open.save();
  if (name !== CONFIG) await waitForExampleDiagnostics(name);
}

export { describeDiagnostics };
