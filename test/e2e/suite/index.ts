// The in-host suite's entry point, in the shape @vscode/test-electron expects: `run()` resolves
// when every test passed and rejects otherwise. The runners compile it to out/e2e/suite/index.js
// next to the compiled *.test.js files, and VS Code calls it inside its extension host.
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

// In code-server the extension host's console reaches the runner mixed with the workbench's own
// log lines; the runner sets this tag to pick out the suite's lines.
const tag = process.env.GENAI_E2E_LOG_TAG ?? '';
const log = (...args: unknown[]): void => console.log(tag + format(...args));

export async function run(): Promise<void> {
  try {
    await runMocha();
  } catch (error) {
    // Also on the runner's output: a test file that fails to load would otherwise only be in
    // the workbench log.
    log(`in-host suite: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw error;
  }
}

async function runMocha(): Promise<void> {
  Mocha.reporters.Base.consoleLog = log;
  checkExtensionUnderTest();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const grep = process.env.GENAI_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findCompiledTests(__dirname)) mocha.addFile(file);
  if (mocha.files.length === 0) {
    throw new Error(`no *.test.js next to ${__filename}`);
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) {
    throw new Error(`${failures} in-host test(s) failed`);
  }
}

function findCompiledTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

// The runners install the .vsix and say where; a test run that silently exercised another copy
// of the extension (the sources, an older install) would prove nothing.
function checkExtensionUnderTest(): void {
  const id = process.env.GENAI_E2E_EXTENSION_ID;
  const extensionsDir = process.env.GENAI_E2E_EXTENSIONS_DIR;
  if (!id || !extensionsDir) {
    throw new Error('GENAI_E2E_EXTENSION_ID and GENAI_E2E_EXTENSIONS_DIR must be set by the e2e runner');
  }
  const extension = vscode.extensions.getExtension(id);
  if (!extension) {
    throw new Error(`extension ${id} is not installed in this editor`);
  }
  const installedFrom = path.relative(fs.realpathSync(extensionsDir), fs.realpathSync(extension.extensionPath));
  if (installedFrom.startsWith('..') || path.isAbsolute(installedFrom)) {
    throw new Error(`extension ${id} runs from ${extension.extensionPath}, not from the .vsix installed in ${extensionsDir}`);
  }
  const version = (extension.packageJSON as { version?: string }).version;
  log(`Testing ${id} ${version} installed at ${extension.extensionPath}`);
}
