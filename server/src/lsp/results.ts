// Findings and diagnostics per file, computed when asked and kept until the file or something
// it depends on changes. Each result carries a result id that changes only when the
// diagnostics do, so pull clients get "unchanged" for everything that stayed the same and push
// clients are sent only what changed.
import type { Diagnostic } from 'vscode-languageserver';
import type { PausePoint } from '../core/analysis';
import type { Finding } from '../core/findings';

export interface FileResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  resultId: string;
}

export type ComputeResult = (path: string, pause?: PausePoint) => { findings: Finding[]; diagnostics: Diagnostic[] };

export class Results {
  private readonly cache = new Map<string, FileResult & { key: string }>();
  private readonly dirty = new Set<string>();
  private counter = 0;

  constructor(private readonly compute: ComputeResult) {}

  invalidate(paths: Iterable<string>): void {
    for (const p of paths) this.dirty.add(p);
  }

  invalidateAll(): void {
    for (const p of this.cache.keys()) this.dirty.add(p);
  }

  /**
   * The file's current result, computed if it is missing or out of date. With `pause`, the
   * computation may stop with AnalysisPaused (core/analysis.ts): the file stays out of date.
   */
  get(path: string, pause?: PausePoint): FileResult {
    const known = this.cache.get(path);
    if (known && !this.dirty.has(path)) return known;
    const { findings, diagnostics } = this.compute(path, pause);
    this.dirty.delete(path);
    const key = JSON.stringify(diagnostics);
    const resultId = known && known.key === key ? known.resultId : `${++this.counter}`;
    const result = { findings, diagnostics, resultId, key };
    this.cache.set(path, result);
    return result;
  }

  /** The result last computed, without computing (undefined if none). */
  peek(path: string): FileResult | undefined {
    return this.cache.get(path);
  }

  isDirty(path: string): boolean {
    return this.dirty.has(path) || !this.cache.has(path);
  }

  forget(path: string): void {
    this.cache.delete(path);
    this.dirty.delete(path);
  }

  paths(): string[] {
    return [...this.cache.keys()];
  }
}
