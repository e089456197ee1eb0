// What a UI script is: a module `test/e2e/ui/<name>.ui.ts` whose default export takes a
// UiSession and walks through named steps. Each step gets a screenshot when it ends (and a
// -FAILED one, with the page's HTML, when it fails), so a run leaves a picture story under
// test-results/e2e/ui/<name>/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { Workbench } from './workbench';

export type UiScript = (ui: UiSession) => Promise<void>;

export class UiStepFailure extends Error {
  constructor(
    readonly step: string,
    readonly screenshot: string,
    cause: unknown,
  ) {
    super(`step "${step}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export class UiSession {
  readonly workbench: Workbench;
  private stepNumber = 0;

  constructor(
    readonly page: Page,
    /** The fresh copy of examples/ the workbench has open. */
    readonly workspace: string,
    private readonly screenshotDir: string,
  ) {
    this.workbench = new Workbench(page);
  }

  async step(name: string, action: () => Promise<void>): Promise<void> {
    this.stepNumber += 1;
    const base = `${String(this.stepNumber).padStart(2, '0')}-${slug(name)}`;
    const started = Date.now();
    try {
      await action();
    } catch (error) {
      const shot = await this.screenshot(`${base}-FAILED`);
      // The page's DOM too, to fix a selector without running the script again.
      await fs.promises.writeFile(path.join(this.screenshotDir, `${base}-FAILED.html`), await this.page.content());
      console.log(`  ✗ ${name} (${Date.now() - started} ms)`);
      throw new UiStepFailure(name, shot, error);
    }
    await this.screenshot(base);
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  }

  async screenshot(name: string): Promise<string> {
    await fs.promises.mkdir(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${name}.png`);
    // Finished animations: a toast caught sliding in would not show what the step saw.
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
