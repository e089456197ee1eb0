// Starts code-server (a whole VS Code workbench with a real Node extension host) isolated from
// the machine: its own user-data, extensions and XDG folders under one temp folder, settings that
// keep it quiet and offline, a free port, and a process group of its own so that stopping it
// stops its extension host and watchers too. Facts: ../shared/spec/real-editor-testing.md.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerBin } from './paths';
import { assertNoLeftovers, forgetTempDir, removeOnExit, runGroup, spawnGroup, type GroupProcess } from './processes';

export interface IsolatedDirs {
  /** Everything below lives here; removed by `removeIsolatedDirs`. */
  root: string;
  userData: string;
  extensions: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
}

const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  // A restored editor or panel from an earlier session would change what a UI test sees.
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

export async function createIsolatedDirs(label: string): Promise<IsolatedDirs> {
  const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), `genai-e2e-${label}-`));
  removeOnExit(root);
  const dirs: IsolatedDirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg/config'),
    xdgData: path.join(root, 'xdg/data'),
    xdgCache: path.join(root, 'xdg/cache'),
  };
  for (const dir of [dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, path.join(dirs.userData, 'User')]) {
    await fs.promises.mkdir(dir, { recursive: true });
  }
  await fs.promises.writeFile(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(userSettings, null, 2));
  return dirs;
}

/** Checks that nothing started in these folders still runs, then removes them (unless `keep`). */
export async function removeIsolatedDirs(dirs: IsolatedDirs, keep = false): Promise<void> {
  assertNoLeftovers(dirs.root);
  forgetTempDir(dirs.root);
  if (!keep) await fs.promises.rm(dirs.root, { recursive: true, force: true });
}

/** The environment code-server runs with: nothing written under ~, nothing of an outer editor. */
function isolatedEnv(dirs: IsolatedDirs, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Run from a VS Code terminal, VSCODE_IPC_HOOK_CLI would make `code-server
    // --install-extension` act on that outer editor instead.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return {
    ...env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    // No extension gallery: otherwise the workbench asks open-vsx.org about installed extensions.
    EXTENSIONS_GALLERY: '{}',
    // Skip reading the login shell's environment: VS Code runs the user's shell for it, in a
    // session of its own (outside our process group), and tests should not depend on ~/.bashrc.
    VSCODE_CLI: '1',
    ...extra,
  };
}

function checkInstalled(): void {
  if (!fs.existsSync(codeServerBin)) {
    throw new Error(`code-server is not installed at ${codeServerBin}: run scripts/e2e/setup.sh`);
  }
}

/**
 * Installs a .vsix the way a user does (`code-server --install-extension`) and returns the folder
 * it was unpacked to.
 */
export async function installExtension(dirs: IsolatedDirs, vsix: string, id: string): Promise<string> {
  checkInstalled();
  if (!fs.existsSync(vsix)) {
    throw new Error(`${vsix} does not exist: run \`npm run package\` first`);
  }
  const { code, output } = await runGroup(
    codeServerBin,
    ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { env: isolatedEnv(dirs) },
  );
  if (code !== 0) {
    throw new Error(`code-server --install-extension ${vsix} exited with ${code}:\n${output}`);
  }
  const folder = installedExtensionFolder(dirs.extensions, id);
  if (!folder) {
    throw new Error(`${id} is not among the installed extensions after installing ${vsix}:\n${output}`);
  }
  return folder;
}

/** Where `id` is installed in an extensions folder, from VS Code's own record (extensions.json). */
export function installedExtensionFolder(extensionsDir: string, id: string): string | undefined {
  const recordFile = path.join(extensionsDir, 'extensions.json');
  if (!fs.existsSync(recordFile)) return undefined;
  const records = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as { identifier: { id: string }; relativeLocation: string }[];
  const record = records.find((r) => r.identifier.id.toLowerCase() === id.toLowerCase());
  return record && path.join(extensionsDir, record.relativeLocation);
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  readonly origin: string;
  /** The remote authority the workbench uses for files on the server, e.g. 127.0.0.1:41234. */
  readonly authority: string;
  /** A `vscode-remote://` URI for an absolute path on this machine. */
  remoteUri(absolutePath: string): string;
  /** The workbench URL opening `folder`, with optional `payload` entries. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** Stops code-server and every process it started. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** code-server's output goes here (appended). */
  logFile: string;
  /** Extra environment for code-server and so for its extension host. */
  env?: Record<string, string>;
}

export async function startCodeServer(dirs: IsolatedDirs, options: StartOptions): Promise<CodeServer> {
  checkInstalled();
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const proc = spawnGroup(
    codeServerBin,
    [
      '--bind-addr', authority,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
    ],
    { env: isolatedEnv(dirs, options.env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.child.stdout?.pipe(log, { end: false });
  proc.child.stderr?.pipe(log, { end: false });

  const stop = async (): Promise<void> => {
    await proc.stop();
    await new Promise((resolve) => log.end(resolve));
  };
  try {
    await waitUntilListening(proc, options.logFile);
    await checkHealth(authority);
  } catch (error) {
    await stop();
    throw error;
  }
  const origin = `http://${authority}`;
  const remoteUri = (absolutePath: string): string => `vscode-remote://${authority}${encodeURI(absolutePath)}`;
  return {
    origin,
    authority,
    remoteUri,
    workbenchUrl(folder, payload) {
      const query = new URLSearchParams({ folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString()}`;
    },
    stop,
  };
}

/** Resolves when code-server says it listens; rejects if it exits first or takes over 30 s. */
function waitUntilListening(proc: GroupProcess, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error('code-server did not start listening within 30 s')), 30_000);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (/HTTP server listening on/.test(seen)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null): void => fail(new Error(`code-server exited with ${code} before it listened`));
    function fail(error: Error): void {
      cleanup();
      reject(new Error(`${error.message}; its log: ${logFile}\n${seen.slice(-2000)}`));
    }
    function cleanup(): void {
      clearTimeout(timer);
      proc.child.stdout?.off('data', onData);
      proc.child.stderr?.off('data', onData);
    }
    proc.child.stdout?.on('data', onData);
    proc.child.stderr?.on('data', onData);
    void proc.exited.then(onExit, (error: Error) => fail(error));
  });
}

function checkHealth(authority: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(`http://${authority}/healthz`, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else reject(new Error(`code-server /healthz answered ${response.statusCode}`));
      })
      .on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
