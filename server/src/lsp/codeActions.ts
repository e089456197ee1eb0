// Quick fixes as code actions: each fix of core/disclosure/fixes.ts becomes a WorkspaceEdit
// that inserts its text (as a snippet with tab stops where the client can take one), plus the
// same fix for every finding in the file. Fixes are computed from the current findings and
// matched to the client's diagnostics by the note's place, as vscode-eslint finds its fixes.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { FIX_KINDS, FIX_TITLES, fixesFor, type Fix, type FixKind } from '../core/disclosure/fixes';
import type { Finding } from '../core/findings';
import type { LineIndex } from '../core/text/lineIndex';
import type { ProductionDocument } from '../core/types';
import { DIAGNOSTIC_SOURCE, SOURCE_ACTION_KIND } from '../protocol';
import { insertionRange, isRange, offsetOf } from './positions';

export interface EditCapabilities {
  /** The client applies `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** The client takes snippet edits (LSP 3.18 `SnippetTextEdit`). */
  snippets: boolean;
}

export interface CodeActionInput {
  uri: string;
  /** Version of the open document the fixes were computed on. */
  version: number | null;
  doc: ProductionDocument;
  index: LineIndex;
  findings: readonly Finding[];
  params: CodeActionParams;
  capabilities: EditCapabilities;
}

/** Source action kinds, one per fix: `source.genaiReview.disclosure-stub`… */
export function sourceKindOf(kind: FixKind): string {
  return `${SOURCE_ACTION_KIND}.${kind}`;
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function matchingDiagnostics(finding: Finding, diagnostics: readonly Diagnostic[], index: LineIndex): Diagnostic[] {
  return diagnostics.filter((d) => {
    if (d.source !== DIAGNOSTIC_SOURCE) return false;
    return offsetOf(index, d.range.start) === finding.span.start && offsetOf(index, d.range.end) === finding.span.end;
  });
}

function workspaceEdit(input: CodeActionInput, edits: TextEdit[]): WorkspaceEdit {
  if (input.capabilities.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits }] };
  }
  return { changes: { [input.uri]: edits } };
}

function singleEdit(input: CodeActionInput, fix: Fix): WorkspaceEdit {
  const range = insertionRange(input.index, fix.insertion.offset);
  if (input.capabilities.snippets && input.capabilities.documentChanges) {
    return {
      documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits: [{ range, snippet: { kind: 'snippet', value: fix.insertion.snippet } }] }],
    };
  }
  return workspaceEdit(input, [{ range, newText: fix.insertion.text }]);
}

export function codeActionsFor(input: CodeActionInput): CodeAction[] {
  const { params, index, findings, doc } = input;
  // The client's context as sent: diagnostics without a usable range cannot be matched.
  const only = Array.isArray(params.context?.only) ? params.context.only.filter((o) => typeof o === 'string') : undefined;
  const clientDiagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics.filter((d) => isRange(d?.range)) : [];
  const from = offsetOf(index, params.range.start);
  const to = offsetOf(index, params.range.end);
  const actions: CodeAction[] = [];

  // Every fix for every finding, computed once: the file-wide actions need them all.
  const all = findings.map((finding) => ({ finding, fixes: fixesFor(doc, finding) }));
  const fileWide = (kind: FixKind) => all.flatMap(({ fixes }) => fixes.filter((f) => f.kind === kind));
  const fileWideEdit = (fixes: Fix[]) => workspaceEdit(input, fixes.map((f) => ({ range: insertionRange(index, f.insertion.offset), newText: f.insertion.text })));

  if (wanted(only, CodeActionKind.QuickFix)) {
    const offeredAll = new Set<FixKind>();
    for (const { finding, fixes } of all) {
      if (finding.span.end < from || finding.span.start > to) continue;
      const diagnostics = matchingDiagnostics(finding, clientDiagnostics, index);
      for (const fix of fixes) {
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit: singleEdit(input, fix) };
        if (diagnostics.length > 0) action.diagnostics = diagnostics;
        if (fix.kind === 'disclosure-stub') action.isPreferred = true;
        actions.push(action);
      }
      for (const fix of fixes) {
        const every = fileWide(fix.kind);
        if (every.length < 2 || offeredAll.has(fix.kind)) continue;
        offeredAll.add(fix.kind);
        actions.push({ title: `${FIX_TITLES[fix.kind].all} (${every.length})`, kind: CodeActionKind.QuickFix, edit: fileWideEdit(every) });
      }
    }
  }

  // The same file-wide fixes in the Source Action menu, wherever the cursor is.
  if (only?.some((o) => o === CodeActionKind.Source || o.startsWith(SOURCE_ACTION_KIND))) {
    for (const kind of FIX_KINDS) {
      const every = fileWide(kind);
      if (every.length === 0 || !wanted(only, sourceKindOf(kind))) continue;
      actions.push({ title: `${FIX_TITLES[kind].all} (${every.length})`, kind: sourceKindOf(kind), edit: fileWideEdit(every) });
    }
  }
  return actions;
}
