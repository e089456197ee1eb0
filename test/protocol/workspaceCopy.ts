// Each protocol test works on its own copy of the example production, so tests that change
// files on disk never touch the repository or each other.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../server/src/core/findings';
import { Production } from '../../server/src/core/workspace';
import { REPO_ROOT } from './testClient';

export function copyExamples(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'genai-review-ws-'));
  cpSync(path.join(REPO_ROOT, 'examples'), root, { recursive: true });
  // A summary written by `npm start` is output, not part of the production.
  rmSync(path.join(root, 'DISCLOSURE.md'), { force: true });
  return root;
}

export function writeFile(root: string, relative: string, text: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

export function removeCopy(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * What the analysis core says about a copy of the production, read without the server: the
 * protocol tests check that the editor shows exactly this, whatever the classifier's current
 * judgement of each example note is.
 */
export function coreFindings(root: string): Map<string, Finding[]> {
  const production = new Production();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else production.setFile(full.split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return new Map(production.paths().map((p) => [path.posix.relative(root.split(path.sep).join('/'), p), production.analyze(p)]));
}

export function countOutcomes(findings: Map<string, Finding[]>): Record<Finding['outcome'], number> {
  const counts = { 'approval-required': 0, approved: 0, disclose: 0 };
  for (const list of findings.values()) for (const f of list) counts[f.outcome]++;
  return counts;
}
