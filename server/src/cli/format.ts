// How findings are printed: eslint-like text for people and CI logs, JSON for other tools.
import path from 'node:path';
import type { Finding } from '../core/findings';
import { LineIndex } from '../core/text/lineIndex';
import type { ParseProblem } from '../core/types';

export interface FileReport {
  /** Absolute posix path. */
  path: string;
  text: string;
  findings: Finding[];
  problems: ParseProblem[];
}

function range(index: LineIndex, span: { start: number; end: number }) {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

/** The JSON other tools read: version 1, 0-based lines and UTF-16 characters as LSP counts them. */
export function toJson(reports: readonly FileReport[], cwd: string): object {
  return {
    version: 1,
    files: reports.map((r) => {
      const index = new LineIndex(r.text);
      const file: Record<string, unknown> = {
        path: displayPath(r.path, cwd),
        findings: r.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          range: range(index, f.span),
          message: f.message,
          categories: f.categories,
          outcome: f.outcome,
          approval: f.approval,
        })),
      };
      if (r.problems.length > 0) file.problems = r.problems.map((p) => ({ severity: p.severity, range: range(index, p.span), message: p.message }));
      return file;
    }),
  };
}

export function displayPath(p: string, cwd: string): string {
  const relative = path.relative(cwd, p).split(path.sep).join('/');
  return relative && !relative.startsWith('..') ? relative : p;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** `file:line:col  severity  message  [rule]`, 1-based like eslint, then a count line. */
export function toText(reports: readonly FileReport[], cwd: string, color: boolean): string {
  const paint = (c: keyof typeof COLORS, s: string) => (color ? `${COLORS[c]}${s}${COLORS.reset}` : s);
  const lines: string[] = [];
  const counts = { 'approval-required': 0, approved: 0, disclose: 0 };
  for (const r of reports) {
    const index = new LineIndex(r.text);
    const where = (offset: number) => {
      const p = index.positionAt(offset);
      return `${displayPath(r.path, cwd)}:${p.line + 1}:${p.character + 1}`;
    };
    for (const p of r.problems) lines.push(`${where(p.span.start)}  ${paint(p.severity === 'error' ? 'error' : 'warning', p.severity === 'error' ? 'error' : 'warning')}  ${p.message}  ${paint('dim', '[parse]')}`);
    for (const f of r.findings) {
      counts[f.outcome]++;
      lines.push(`${where(f.span.start)}  ${paint(f.severity, f.severity)}  ${f.message}  ${paint('dim', `[${f.ruleId}]`)}`);
    }
  }
  const files = reports.length;
  lines.push(
    paint(
      'bold',
      `${counts['approval-required']} need${counts['approval-required'] === 1 ? 's' : ''} written approval, ${counts.approved} approved, ${counts.disclose} to disclose (${files} file${files === 1 ? '' : 's'} reviewed)`,
    ),
  );
  return lines.join('\n') + '\n';
}
