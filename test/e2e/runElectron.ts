// Runs the same in-host suite (test/e2e/suite) in desktop VS Code with @vscode/test-electron,
// for machines that can download VS Code (these cannot: here it is code-server, runInHost.ts).
//
//   npm run test:e2e:electron          (on headless Linux: xvfb-run -a npm run test:e2e:electron)
//   E2E_VSCODE_VERSION=1.91.0 npm run test:e2e:electron   (default: stable)
//
// As with code-server, the extension under test is the .vsix installed with the editor's own
// CLI into an isolated extensions folder; the development extension is only the test driver.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { buildSuite } from './lib/buildSuite';
import { createIsolatedDirs, installedExtensionFolder, removeIsolatedDirs, type IsolatedDirs } from './lib/codeServer';
import { extensionId, readManifest, vsixPath } from './lib/paths';
import { log, seconds, step } from './lib/steps';
import { copyExamples } from './lib/workspace';

async function main(): Promise<number> {
  const manifest = readManifest();
  const id = extensionId(manifest);
  const vsix = vsixPath(manifest);
  const version = process.env.E2E_VSCODE_VERSION ?? 'stable';
  const started = Date.now();
  let dirs: IsolatedDirs | undefined;
  try {
    const suite = await step('compile the in-host suite', buildSuite);
    dirs = await step('create isolated editor folders', () => createIsolatedDirs('electron'));
    const isolated = dirs;
    const workspace = await step('copy examples/ into a fresh workspace', () => copyExamples(isolated.root));
    const vscodeExecutablePath = await step(`download VS Code ${version}`, () => downloadAndUnzipVSCode(version));
    const profile = [`--user-data-dir=${isolated.userData}`, `--extensions-dir=${isolated.extensions}`];
    await step(`install ${path.basename(vsix)}`, async () => {
      // reuseMachineInstall: the profile folders are ours (above), not test-electron's defaults.
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
      const result = spawnSync(cli, [...cliArgs, ...profile, '--install-extension', vsix], {
        encoding: 'utf-8',
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      if (result.status !== 0 || !installedExtensionFolder(isolated.extensions, id)) {
        throw new Error(`installing ${vsix} failed (exit code ${result.status})`);
      }
    });
    const code = await step('run the in-host suite', () =>
      runTests({
        vscodeExecutablePath,
        reuseMachineInstall: true,
        extensionDevelopmentPath: suite.driverDir,
        extensionTestsPath: suite.indexJs,
        launchArgs: [workspace, ...profile, '--disable-telemetry'],
        extensionTestsEnv: { GENAI_E2E_EXTENSION_ID: id, GENAI_E2E_EXTENSIONS_DIR: isolated.extensions },
      }),
    );
    log(code === 0 ? 'in-host suite PASSED (VS Code desktop)' : `in-host suite FAILED (exit code ${code})`);
    return code;
  } finally {
    if (dirs) await removeIsolatedDirs(dirs);
    log(`electron run took ${seconds(started)}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
