// Runs the UI scripts (test/e2e/ui/*.ui.ts) in Debian's Chromium against code-server, as a
// person would use the editor: the extension installed from the .vsix, a fresh copy of
// examples/ as the workspace, one fresh editor per script.
//
//   node --import tsx test/e2e/runUi.ts [--only NAME] [--keep]
//
// Screenshots of every step: test-results/e2e/ui/<script>/. Exit code 0 when every script passed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/browser';
import {
  createIsolatedDirs,
  installExtension,
  removeIsolatedDirs,
  startCodeServer,
  type CodeServer,
  type IsolatedDirs,
} from './lib/codeServer';
import { extensionId, readManifest, resultsDir, uiScriptsDir, vsixPath } from './lib/paths';
import { log, seconds, step } from './lib/steps';
import { copyExamples } from './lib/workspace';
import { UiSession, UiStepFailure, type UiScript } from './ui/uiScript';

export interface UiRunOptions {
  vsix?: string;
  only?: string;
  keep?: boolean;
}

export function findUiScripts(): string[] {
  return fs
    .readdirSync(uiScriptsDir)
    .filter((file) => file.endsWith('.ui.ts'))
    .map((file) => path.join(uiScriptsDir, file))
    .sort();
}

/** Runs every UI script; resolves with how many passed and failed. */
export async function runUiScripts(options: UiRunOptions = {}): Promise<{ passed: number; failed: number }> {
  const manifest = readManifest();
  const vsix = path.resolve(options.vsix ?? vsixPath(manifest));
  const outDir = path.join(resultsDir, 'ui');
  await fs.promises.rm(outDir, { recursive: true, force: true });
  await fs.promises.mkdir(outDir, { recursive: true });

  const scripts = findUiScripts().filter((file) => !options.only || scriptName(file) === options.only);
  if (scripts.length === 0) {
    throw new Error(`no UI scripts: ${uiScriptsDir} has no ${options.only ?? '*'}.ui.ts`);
  }
  const browser = await step('start Chromium', launchChromium);
  let passed = 0;
  let failed = 0;
  try {
    for (const script of scripts) {
      const ok = await runScript(browser, script, vsix, extensionId(manifest), outDir, options.keep ?? false);
      if (ok) passed += 1;
      else failed += 1;
    }
  } finally {
    await browser.close();
  }
  return { passed, failed };
}

async function runScript(
  browser: Browser,
  file: string,
  vsix: string,
  id: string,
  outDir: string,
  keep: boolean,
): Promise<boolean> {
  const name = scriptName(file);
  const scriptDir = path.join(outDir, name);
  await fs.promises.mkdir(scriptDir, { recursive: true });
  const started = Date.now();
  log(`UI script ${name}`);
  let dirs: IsolatedDirs | undefined;
  let server: CodeServer | undefined;
  let pageLog: fs.WriteStream | undefined;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const script = ((await import(file)) as { default?: UiScript }).default;
    if (typeof script !== 'function') throw new Error(`${file} has no default export (a UiScript)`);
    dirs = await createIsolatedDirs(`ui-${name}`);
    const workspace = await copyExamples(dirs.root);
    await installExtension(dirs, vsix, id);
    server = await startCodeServer(dirs, { logFile: path.join(scriptDir, 'code-server.log') });
    const page = await context.newPage();
    const workbenchLog = fs.createWriteStream(path.join(scriptDir, 'workbench.log'));
    pageLog = workbenchLog;
    page.on('console', (message) => workbenchLog.write(`[console.${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => workbenchLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
    const session = new UiSession(page, workspace, scriptDir);
    const running = server;
    await session.step('open the example production', async () => {
      await page.goto(running.workbenchUrl(workspace));
      await session.workbench.ready();
    });
    await script(session);
    log(`UI script ${name}: PASSED in ${seconds(started)}`);
    return true;
  } catch (error) {
    if (error instanceof UiStepFailure) {
      log(`UI script ${name}: FAILED at step "${error.step}" after ${seconds(started)}`);
      log(`  ${error.message}`);
      log(`  screenshot: ${path.relative(process.cwd(), error.screenshot)}`);
    } else {
      log(`UI script ${name}: FAILED after ${seconds(started)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return false;
  } finally {
    await context.close();
    pageLog?.end();
    await server?.stop();
    if (dirs) await removeIsolatedDirs(dirs, keep);
    if (dirs && keep) log(`kept the editor's folders and workspace: ${dirs.root}`);
  }
}

function scriptName(file: string): string {
  return path.basename(file, '.ui.ts');
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, keep: { type: 'boolean', default: false }, vsix: { type: 'string' } },
  });
  runUiScripts(values).then(
    ({ passed, failed }) => {
      console.log(`ui: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
    (error: unknown) => {
      console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
