// Where the e2e runners find things. Everything is relative to the repository root, so the
// runners work from any current directory.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const codeServerBin = path.join(repoRoot, '.tools/code-server/node_modules/.bin/code-server');
export const resultsDir = path.join(repoRoot, 'test-results/e2e');
/** Compiled in-host suite and the test-driver extension folder (git-ignored). */
export const buildDir = path.join(repoRoot, 'out/e2e');
export const suiteSourceDir = path.join(repoRoot, 'test/e2e/suite');
export const uiScriptsDir = path.join(repoRoot, 'test/e2e/ui');
export const examplesDir = path.join(repoRoot, 'examples');

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  engines: { vscode: string };
}

export function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/** The id VS Code knows the extension by, e.g. `genai-script-review.genai-script-review`. */
export function extensionId(manifest = readManifest()): string {
  return `${manifest.publisher}.${manifest.name}`;
}

/** The file `npm run package` writes (vsce's default name). */
export function vsixPath(manifest = readManifest()): string {
  return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}
