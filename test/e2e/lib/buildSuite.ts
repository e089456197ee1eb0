// Compiles the in-host mocha suite (test/e2e/suite) to out/e2e/suite, and writes the tiny
// "test driver" extension manifest at out/e2e/package.json.
//
// Why a driver extension: VS Code runs `extensionTestsPath` only together with an
// `extensionDevelopmentPath` (its extension host throws "Cannot load test runner" otherwise),
// and a development extension replaces an installed one with the same id. Pointing it at the
// repository would test the sources, not the .vsix. So the development extension is this
// driver, with another id and nothing to run, and the extension under test is the one
// installed from the .vsix, loaded exactly as a user's editor loads it.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDir, readManifest, suiteSourceDir } from './paths';

export interface BuiltSuite {
  /** The folder to pass as extensionDevelopmentPath. */
  driverDir: string;
  /** The compiled index.js to pass as extensionTestsPath. */
  indexJs: string;
  testCount: number;
}

export function findSuiteTests(dir = suiteSourceDir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file))
    .sort();
}

export async function buildSuite(): Promise<BuiltSuite> {
  const tests = findSuiteTests();
  if (tests.length === 0) {
    throw new Error(`no in-host tests: ${suiteSourceDir} has no *.test.ts`);
  }
  const outDir = path.join(buildDir, 'suite');
  await fs.promises.rm(buildDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(suiteSourceDir, 'index.ts'), ...tests],
    outbase: suiteSourceDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The editor provides `vscode`; mocha is bundled into index.js because mocha 12 is an ES
    // module that an extension host's `require` may not load.
    external: ['vscode'],
    // As esbuild.mjs: ESM builds first (jsonc-parser's UMD build requires its files at run time).
    mainFields: ['module', 'main'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // Mocha's parallel mode (never used here) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  const manifest = readManifest();
  const driver = {
    name: `${manifest.name}-e2e-driver`,
    displayName: `${manifest.name} e2e test driver`,
    publisher: 'e2e',
    version: '0.0.0',
    private: true,
    engines: { vscode: manifest.engines.vscode },
    // Run the tests in the Node extension host, where the extension under test runs.
    extensionKind: ['workspace'],
  };
  await fs.promises.writeFile(path.join(buildDir, 'package.json'), JSON.stringify(driver, null, 2));
  return { driverDir: buildDir, indexJs: path.join(outDir, 'index.js'), testCount: tests.length };
}
