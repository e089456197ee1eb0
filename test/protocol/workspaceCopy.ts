// Each protocol test works on its own copy of the example production, so tests that change
// files on disk never touch the repository or each other.
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
