// Debian's Chromium, driven by playwright-core (which never downloads a browser of its own).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { forgetTempDir, onSignal, removeOnExit } from './processes';

const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

// No sandbox (CI runs as root), nothing that reaches out on its own (sync, updates, QUIC).
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: run scripts/e2e/setup.sh (or set E2E_CHROMIUM)`);
  }
  // Chromium keeps crash reports and its certificate store under ~ (~/.config/chromium,
  // ~/.pki); give it a home of its own for the run.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'genai-e2e-chromium-'));
  removeOnExit(home);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    // Our SIGINT/SIGTERM handler closes it (below), then stops code-server, then exits.
    handleSIGINT: false,
    handleSIGTERM: false,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
  });
  const forgetHook = onSignal(() => browser.close());
  browser.once('disconnected', () => {
    forgetHook();
    forgetTempDir(home);
    fs.rmSync(home, { recursive: true, force: true });
  });
  return browser;
}
