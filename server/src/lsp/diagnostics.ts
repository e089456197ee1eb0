// Findings and config problems as LSP diagnostics: code = rule id, a link to the rule's section
// of the README, the note's range, and related information pointing at the evidence kept in
// another file (the screenplay line that makes a character main).
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Severity } from '../core/categories';
import type { Finding } from '../core/findings';
import type { LineIndex } from '../core/text/lineIndex';
import type { ParseProblem } from '../core/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { rangeOf } from './positions';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What travels in `Diagnostic.data`. No offsets: they change with every keystroke above the note,
 * and would make every diagnostic after it look new, so a pull after typing in a line could not
 * be answered "unchanged". Code actions find the finding by the diagnostic's range.
 */
export interface FindingKey {
  ruleId: string;
}

export interface DiagnosticContext {
  /** The analysed document and its line index. */
  uri: string;
  index: LineIndex;
  /** `README.md#rule-<id>` link base: the rule id is appended. */
  ruleDocsBase?: string;
  /** Resolves evidence in another file: its URI and line index, if the file is known. */
  locate(path: string): { uri: string; index: LineIndex } | undefined;
}

export function findingToDiagnostic(finding: Finding, context: DiagnosticContext): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(context.index, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { ruleId: finding.ruleId } satisfies FindingKey,
  };
  if (context.ruleDocsBase) diagnostic.codeDescription = { href: `${context.ruleDocsBase}${finding.ruleId}` };
  const related = relatedInformation(finding, context);
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

function relatedInformation(finding: Finding, context: DiagnosticContext): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  const seen = new Set<string>();
  for (const e of finding.evidence) {
    if (!e.location) continue;
    const target = e.location.path ? context.locate(e.location.path) : { uri: context.uri, index: context.index };
    if (!target) continue;
    const { uri } = target;
    const key = `${uri}#${e.location.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ location: { uri, range: rangeOf(target.index, e.location.span) }, message: e.text });
  }
  return out;
}

export function problemToDiagnostic(problem: ParseProblem, index: LineIndex): Diagnostic {
  return {
    range: rangeOf(index, problem.span),
    severity: SEVERITY[problem.severity],
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}
