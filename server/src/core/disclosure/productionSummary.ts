// The disclosure summary of a whole production (or some of its files), as the CLI and the
// language server's command both produce it: every AI use belongs in it, including those the
// editor is set not to show.
import path from 'node:path';
import { analyzeDocument } from '../analysis';
import type { Production } from '../workspace';
import { buildSummary, type DisclosureSummary, type SummaryFile } from './summary';

export interface ProductionSummaryOptions {
  now: Date;
  /** How a path is shown in the summary (relative to the production folder). */
  displayPath: (p: string) => string;
  /** Used when neither the config nor a title page names the production (the folder's name). */
  fallbackTitle?: string;
}

export function summarizeProduction(production: Production, paths: readonly string[], options: ProductionSummaryOptions): DisclosureSummary {
  const files: SummaryFile[] = [];
  for (const p of paths) {
    const doc = production.document(p);
    if (!doc) continue;
    const { config } = production.configFor(p);
    const severity = { ...config.severity, approved: 'information' as const, disclose: 'information' as const };
    const findings = analyzeDocument(doc, { config: { ...config, severity }, script: production.scriptContext(p) });
    files.push({ path: options.displayPath(p), doc, findings });
  }
  const title = paths.map((p) => production.configFor(p).config.productionTitle).find((t) => t);
  return buildSummary(files, { title, fallbackTitle: options.fallbackTitle, now: options.now });
}

/** The folder's name, for a summary of a production with no title anywhere. */
export function folderTitle(folder: string | undefined): string | undefined {
  return folder ? path.posix.basename(folder) : undefined;
}
