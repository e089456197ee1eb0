// Drives the VS Code workbench the way a person does: keyboard shortcuts, the quick input, the
// mouse on a squiggle. Selectors are VS Code's own DOM classes (checked on code-server 4.100.3 /
// VS Code 1.100.3); each helper waits for what a person would wait to see, never a fixed delay.
import type { Locator, Page } from 'playwright-core';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

const timeout = 30_000;

export class Workbench {
  constructor(readonly page: Page) {}

  /** Resolves once the workbench is laid out (editor area, status bar) and the explorer shows the folder. */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Quick Open (Ctrl+P): types the file name and opens the first match. */
  async openFile(fileName: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+P');
    const input = await this.quickInput();
    await input.fill(fileName);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout });
    await this.page.keyboard.press('Enter');
    await this.activeTab(fileName).waitFor({ timeout });
    await this.activeEditor().locator('.view-lines').waitFor({ timeout });
  }

  /** Command palette (F1): runs the command with this exact title (e.g. "GenAI Review: Re-scan Workspace"). */
  async runCommand(title: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('F1');
    const input = await this.quickInput();
    await input.fill(`>${title}`);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { has: this.page.getByText(title, { exact: true }) })
      .first()
      .waitFor({ timeout });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  }

  /** The first squiggle of that severity in the active editor, once it is drawn. */
  async squiggle(severity: Severity): Promise<Locator> {
    const squiggle = this.activeEditor().locator(`.squiggly-${severity}`).first();
    await squiggle.waitFor({ timeout });
    return squiggle;
  }

  /**
   * Where the target is on screen, once it is visible and stable. The editor redraws its
   * decorations when diagnostics arrive, so an element found a moment ago may have been
   * replaced: each attempt waits (scrollIntoViewIfNeeded waits for a visible, stable element).
   */
  private async boxOf(target: Locator, what: string): Promise<{ x: number; y: number; width: number; height: number }> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        // Finds the element again on each attempt, and waits until it is visible and stable.
        await target.scrollIntoViewIfNeeded({ timeout });
        const box = await target.boundingBox({ timeout });
        if (box) return box;
      } catch (error) {
        lastError = error; // replaced while we looked ("not attached to the DOM"): look again
      }
    }
    throw new Error(`${what} is not on screen${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
  }

  /** Moves the mouse onto the squiggle and returns the text of the hover that opens. */
  async hover(target: Locator): Promise<string> {
    const box = await this.boxOf(target, 'the hover target');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    await hover.waitFor({ timeout });
    // The hover fills in asynchronously ("Loading..." first).
    await hover.locator('.hover-contents').first().waitFor({ timeout });
    return (await hover.innerText()).trim();
  }

  /** Closes a hover or widget the way a person does. */
  async escape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Puts the cursor at the start of the target (a click, as a person would). */
  async placeCursor(target: Locator): Promise<void> {
    const box = await this.boxOf(target, 'the target');
    await this.page.mouse.click(box.x + 1, box.y + box.height / 2);
  }

  /**
   * Quick fix with the keyboard: Ctrl+. at the cursor, arrows down to the action whose title
   * contains `title`, Enter. (An overlay over the action list swallows mouse clicks.)
   */
  async quickFix(title: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ timeout });
    const count = await rows.count();
    const titles = await rows.allInnerTexts();
    for (let moves = 0; moves < count; moves++) {
      const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
      if ((await focused.count()) > 0 && (await focused.innerText()).includes(title)) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    // The list stays open, so the failure screenshot shows what was offered.
    throw new Error(`no quick fix "${title}"; offered: ${titles.map((t) => `"${t}"`).join(', ')}`);
  }

  /** Problems panel (Ctrl+Shift+M); returns the text of each row once at least one is shown. */
  async problems(): Promise<string[]> {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+Shift+M');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout });
    return rows.allInnerTexts();
  }

  /** Waits until a Problems panel row containing `text` is shown. */
  async problemRow(text: string): Promise<Locator> {
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    await row.waitFor({ timeout });
    return row;
  }

  /** The active editor's text as drawn on screen (visible lines only). */
  async editorText(): Promise<string> {
    const text = await this.activeEditor().locator('.view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Waits until the active editor shows `text` on screen (spaces match the editor's non-breaking ones). */
  async waitForEditorText(text: string): Promise<void> {
    const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]'));
    await this.activeEditor().locator('.view-lines').filter({ hasText: pattern }).waitFor({ timeout });
  }

  /** Puts the keyboard focus in the active editor (Ctrl+1, the first editor group). */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Control+1');
    await this.activeEditor().locator('textarea').first().waitFor({ timeout });
  }

  /** Title of the active editor tab. */
  async activeTabTitle(): Promise<string> {
    return (await this.page.locator('.editor-group-container.active .tab.active .label-name').first().innerText()).trim();
  }

  /** Waits for a status bar item showing `text`. */
  async statusBarItem(text: string): Promise<Locator> {
    const item = this.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
    await item.waitFor({ timeout });
    return item;
  }

  /** Texts of the notification toasts on screen. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  activeTab(title: string): Locator {
    return this.page.locator('.editor-group-container.active .tab.active', { hasText: title }).first();
  }

  private async quickInput(): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout });
    return input;
  }

  // Keyboard shortcuts go to whatever has focus; after page load that can be nothing.
  private async focusWorkbench(): Promise<void> {
    // (A string, as the project's TypeScript has no DOM types.)
    const focused = await this.page.evaluate('document.activeElement !== null && document.activeElement !== document.body');
    if (!focused) await this.page.locator('.monaco-workbench').focus();
  }
}
