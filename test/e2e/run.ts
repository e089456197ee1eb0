// `npm run test:e2e`: everything the real-editor tests need, in order, on a fresh machine too:
//   1. setup    scripts/e2e/setup.sh (Debian packages, code-server; reuses what is installed)
//   2. package  scripts/package.mjs (the .vsix users install)
//   3. in-host  the mocha suite inside code-server's extension host (runInHost.ts)
//   4. ui       the UI scripts in Chromium (runUi.ts)
// Steps 3 and 4 both run even if one fails; the summary says which step failed.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './lib/paths';
import { seconds } from './lib/steps';
import { runInHostSuite } from './runInHost';
import { runUiScripts } from './runUi';

interface Outcome {
  step: string;
  ok: boolean;
  detail: string;
  took: string;
}

function runScript(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  return result.status === 0;
}

async function attempt(step: string, action: () => Promise<{ ok: boolean; detail: string }>): Promise<Outcome> {
  const started = Date.now();
  console.log(`\n[e2e] ===== ${step} =====`);
  try {
    const { ok, detail } = await action();
    return { step, ok, detail, took: seconds(started) };
  } catch (error) {
    return { step, ok: false, detail: error instanceof Error ? error.message : String(error), took: seconds(started) };
  }
}

async function main(): Promise<number> {
  const outcomes: Outcome[] = [];
  const setup = await attempt('setup', async () => {
    const ok = runScript('bash', [path.join(repoRoot, 'scripts/e2e/setup.sh')]);
    return { ok, detail: ok ? 'ready' : 'see the [e2e setup] lines above' };
  });
  outcomes.push(setup);
  if (setup.ok) {
    const pack = await attempt('package', async () => {
      const ok = runScript(process.execPath, [path.join(repoRoot, 'scripts/package.mjs')]);
      return { ok, detail: ok ? 'built' : 'see the [package] lines above' };
    });
    outcomes.push(pack);
    if (pack.ok) {
      outcomes.push(
        await attempt('in-host suite', async () => {
          const code = await runInHostSuite();
          return { ok: code === 0, detail: code === 0 ? 'passed' : `failed (exit code ${code})` };
        }),
      );
      outcomes.push(
        await attempt('UI scripts', async () => {
          const { passed, failed } = await runUiScripts();
          return { ok: failed === 0, detail: `${passed} passed, ${failed} failed` };
        }),
      );
    }
  }
  console.log('\n[e2e] summary');
  for (const o of outcomes) {
    console.log(`[e2e]   ${o.ok ? 'ok    ' : 'FAILED'} ${o.step.padEnd(14)} ${o.took.padStart(8)}  ${o.detail}`);
  }
  const failedStep = outcomes.find((o) => !o.ok);
  if (failedStep) {
    console.log(`[e2e] FAILED at step: ${failedStep.step} (screenshots and logs: test-results/e2e/)`);
    return 1;
  }
  console.log('[e2e] all steps passed');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
