// Waiting in the extension host without sleeping: every wait re-checks its condition when an
// event that could change it fires (a diagnostics change, a document edit, an editor switch),
// and fails after a timeout with a message that says what it waited for and what it saw last.
import * as vscode from 'vscode';

/** Shorter than mocha's 30 s per test, so that our message, not mocha's, explains a failure. */
export const WAIT_MS = 15_000;

export interface WaitOptions {
  timeoutMs?: number;
  /** Events that may make the condition true; the condition is checked again on each. */
  events?: vscode.Event<unknown>[];
}

/**
 * Resolves with the first truthy value of `check`, evaluated now and after each event.
 * `describe` says what was awaited and, called at the timeout, what was there instead.
 */
export function waitUntil<T>(check: () => T | undefined | false, describe: () => string, options: WaitOptions = {}): Promise<T> {
  const events = options.events ?? [vscode.languages.onDidChangeDiagnostics];
  const timeoutMs = options.timeoutMs ?? WAIT_MS;
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (action: () => void) => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      action();
    };
    const attempt = () => {
      let value: T | undefined | false;
      try {
        value = check();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value) finish(() => resolve(value as T));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${describe()}`))), timeoutMs);
    for (const event of events) subscriptions.push(event(attempt));
    attempt();
  });
}

/** Diagnostics of one file as a person reads them in the Problems panel. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `  line ${d.range.start.line + 1} ${vscode.DiagnosticSeverity[d.severity]} [${codeOf(d)}] ${d.message}`)
    .join('\n');
}

export function codeOf(d: vscode.Diagnostic): string {
  const { code } = d;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Waits until the diagnostics of `uri` satisfy `predicate` (checked now and on every change)
 * and returns them.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  return waitUntil(
    () => {
      const diagnostics = current();
      return predicate(diagnostics) && diagnostics;
    },
    () => `${what} in ${vscode.workspace.asRelativePath(uri)}; its diagnostics:\n${describeDiagnostics(current())}`,
    { timeoutMs },
  );
}
