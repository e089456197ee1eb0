// Runs the in-host mocha suite (test/e2e/suite) inside code-server's extension host, against the
// extension installed from the .vsix, with a fresh copy of examples/ as the workspace.
//
//   node --import tsx test/e2e/runInHost.ts [--grep PATTERN] [--keep]
//
// Exit code 0 when every test passed. Output: mocha's report on stdout; code-server's log, the
// workbench's log and the editor's own logs under test-results/e2e/in-host/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/browser';
import { buildSuite, type BuiltSuite } from './lib/buildSuite';
import {
  createIsolatedDirs,
  installExtension,
  removeIsolatedDirs,
  startCodeServer,
  type CodeServer,
  type IsolatedDirs,
} from './lib/codeServer';
import { extensionId, readManifest, resultsDir, vsixPath } from './lib/paths';
import { log, seconds, step } from './lib/steps';
import { copyExamples } from './lib/workspace';

// index.ts starts each line of the suite's output with this.
const suiteLogTag = '[genai-e2e] ';
const suiteTimeoutMs = Number(process.env.E2E_SUITE_TIMEOUT_MS ?? 10 * 60_000);

export interface InHostOptions {
  vsix?: string;
  grep?: string;
  keep?: boolean;
}

/** Runs the in-host suite; resolves with the exit code VS Code reported (0: every test passed). */
export async function runInHostSuite(options: InHostOptions = {}): Promise<number> {
  const manifest = readManifest();
  const id = extensionId(manifest);
  const vsix = path.resolve(options.vsix ?? vsixPath(manifest));
  const outDir = path.join(resultsDir, 'in-host');
  await fs.promises.rm(outDir, { recursive: true, force: true });
  await fs.promises.mkdir(outDir, { recursive: true });

  const started = Date.now();
  let dirs: IsolatedDirs | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    const suite = await step('compile the in-host suite', buildSuite);
    log(`${suite.testCount} test file(s)`);
    dirs = await step('create isolated editor folders', () => createIsolatedDirs('in-host'));
    const isolated = dirs;
    const workspace = await step('copy examples/ into a fresh workspace', () => copyExamples(isolated.root));
    await step(`install ${path.basename(vsix)} into the isolated extensions folder`, () =>
      installExtension(isolated, vsix, id),
    );
    server = await step('start code-server', () =>
      startCodeServer(isolated, {
        logFile: path.join(outDir, 'code-server.log'),
        env: {
          GENAI_E2E_EXTENSION_ID: id,
          GENAI_E2E_EXTENSIONS_DIR: isolated.extensions,
          GENAI_E2E_LOG_TAG: suiteLogTag,
          ...(options.grep ? { GENAI_E2E_GREP: options.grep } : {}),
        },
      }),
    );
    browser = await step('start Chromium', launchChromium);
    const running = { browser, server };
    const code = await step('run the in-host suite', () => runSuite(running.browser, running.server, workspace, suite, outDir));
    log(code === 0 ? 'in-host suite PASSED' : `in-host suite FAILED (exit code ${code}); the editor's log: ${path.join(outDir, 'workbench.log')}`);
    return code;
  } finally {
    await step('stop Chromium and code-server', async () => {
      await browser?.close();
      await server?.stop();
    });
    if (dirs) await removeIsolatedDirs(dirs, options.keep);
    if (dirs && options.keep) log(`kept the editor's folders and workspace: ${dirs.root}`);
    log(`in-host run took ${seconds(started)}; logs in ${path.relative(process.cwd(), outDir)}`);
  }
}

/**
 * Opens the workbench with the test payload and resolves with the exit code VS Code reports
 * through `codeAutomationExit` when the suite's `run()` settles.
 */
async function runSuite(
  browser: Browser,
  server: CodeServer,
  workspace: string,
  suite: BuiltSuite,
  outDir: string,
): Promise<number> {
  const page = await browser.newPage();
  const workbenchLog = fs.createWriteStream(path.join(outDir, 'workbench.log'));
  page.on('console', (message) => workbenchLog.write(`[console.${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => workbenchLog.write(`[pageerror] ${error.stack ?? error.message}\n`));

  let settle!: { resolve: (code: number) => void; reject: (error: Error) => void };
  const exitCode = new Promise<number>((resolve, reject) => (settle = { resolve, reject }));
  // VS Code hands its log lines (the extension host's console included) to this function; the
  // suite's own lines carry the tag index.ts was given.
  await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
    const line = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
    workbenchLog.write(`[${level}] ${line}\n`);
    if (line.startsWith(suiteLogTag)) console.log(line.slice(suiteLogTag.length));
  });
  await page.exposeFunction(
    'codeAutomationExit',
    async (code: number, logs?: { relativePath: string; contents: string }[]) => {
      await saveEditorLogs(logs ?? [], path.join(outDir, 'editor-logs'));
      settle.resolve(code);
    },
  );
  page.once('crash', () => settle.reject(new Error('the workbench page crashed')));
  const timer = setTimeout(() => settle.reject(new Error(`no result within ${suiteTimeoutMs / 1000} s`)), suiteTimeoutMs);
  const url = server.workbenchUrl(workspace, [
    ['extensionDevelopmentPath', server.remoteUri(suite.driverDir)],
    ['extensionTestsPath', server.remoteUri(suite.indexJs)],
  ]);
  await page.goto(url);
  try {
    return await exitCode;
  } finally {
    clearTimeout(timer);
    await new Promise((resolve) => workbenchLog.end(resolve));
  }
}

async function saveEditorLogs(logs: { relativePath: string; contents: string }[], dir: string): Promise<void> {
  for (const entry of logs) {
    const file = path.join(dir, entry.relativePath);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, entry.contents);
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { grep: { type: 'string' }, keep: { type: 'boolean', default: false }, vsix: { type: 'string' } },
  });
  runInHostSuite(values).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
