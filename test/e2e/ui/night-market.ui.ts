// A writer's first minutes with the extension, as a person does it with keyboard and mouse:
// open the screenplay, see what is flagged, read why, fix one note from the keyboard, and send
// the studio the disclosure summary. Each step leaves a screenshot under
// test-results/e2e/ui/night-market/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIX_TITLES } from '../../../server/src/core/disclosure/fixes';
import { ruleFor } from '../../../server/src/core/rules/catalog';
import { PRINCIPLES } from '../../../server/src/core/rules/rule';
import { isCategoryId } from '../../../server/src/core/categories';
import { Production } from '../../../server/src/core/workspace';
import type { UiSession } from './uiScript';

const SCREENPLAY = 'night-market.fountain';

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** What the review finds in each file of the production, read the way the CLI reads the folder. */
function findingsByFile(workspace: string) {
  const production = new Production();
  const root = workspace.split(path.sep).join('/');
  for (const name of fs.readdirSync(workspace)) production.setFile(`${root}/${name}`, fs.readFileSync(path.join(workspace, name), 'utf8'));
  return new Map(production.paths().map((p) => [path.posix.basename(p), production.analyze(p)]));
}

export default async function nightMarket(ui: UiSession): Promise<void> {
  const { workbench } = ui;
  const byFile = findingsByFile(ui.workspace);
  const findings = byFile.get(SCREENPLAY) ?? [];
  const allFindings = [...byFile.values()].flat();
  // The first flagged note of the script is the first warning squiggle on screen.
  const first = findings.find((f) => f.outcome === 'approval-required' && f.severity === 'warning');
  check(first !== undefined && isCategoryId(first.ruleId), 'the example screenplay has a warning to look at');
  const rule = ruleFor(first!.ruleId as Parameters<typeof ruleFor>[0]);
  const config = JSON.parse(fs.readFileSync(path.join(ui.workspace, '.genai-review.json'), 'utf8')) as { productionTitle: string };

  await ui.step(`open ${SCREENPLAY} with Quick Open`, async () => {
    await workbench.openFile(SCREENPLAY);
    const title = await workbench.activeTabTitle();
    check(title === SCREENPLAY, `the active tab is "${title}"`);
  });

  await ui.step('see a squiggle under a flagged note, and its row in the Problems panel', async () => {
    await workbench.squiggle('warning');
    await workbench.problems();
    const row = await workbench.problemRow(first!.message);
    const text = await row.innerText();
    check(text.includes(first!.message), `the Problems panel row reads "${text}"`);
    await workbench.problemRow(SCREENPLAY);
    // The status bar counts the uses of the whole production that still need approval.
    const open = allFindings.filter((f) => f.outcome === 'approval-required').length;
    await workbench.statusBarItem(`${open} need approval`);
  });

  await ui.step('hover the squiggle and read why the note needs approval', async () => {
    await workbench.focusEditor();
    const hover = await workbench.hover(await workbench.squiggle('warning'));
    for (const words of [rule.title, ...rule.principles.map((p) => `${p} ${PRINCIPLES[p].title}`), `Approval area: ${rule.approvalArea}`]) {
      check(hover.includes(words), `the hover says "${words}"; it reads:\n${hover}`);
    }
  });

  await ui.step('insert a disclosure stub with Ctrl+. and the keyboard', async () => {
    await workbench.escape(); // closes the hover
    await workbench.placeCursor(await workbench.squiggle('warning'));
    await workbench.quickFix(FIX_TITLES['disclosure-stub'].one);
    const text = await workbench.editorText();
    check(/\[\[GenAI disclosure: What is generated: /.test(text), `the stub is in the script; on screen:\n${text}`);
  });

  await ui.step('run "GenAI Review: Generate Disclosure Summary" from the command palette', async () => {
    await workbench.escape(); // leaves the stub's fields (snippet mode)
    await workbench.runCommand('GenAI Review: Generate Disclosure Summary');
    // An unsaved document is named by its first line, the summary's title.
    await workbench.activeTab(`GenAI disclosure summary: ${config.productionTitle}`).waitFor({ timeout: 30_000 });
    await workbench.waitForEditorText(`GenAI disclosure summary: ${config.productionTitle}`);
    const text = await workbench.editorText();
    for (const words of ['At a glance', '| Needs written approval |']) check(text.includes(words), `the summary shows "${words}"; on screen:\n${text}`);
    const tabs = await ui.page.locator('.tabs-container .tab').allInnerTexts();
    check(tabs.filter((t) => t.includes('GenAI disclosure summary')).length === 1, `one summary tab; tabs: ${tabs.join(', ')}`);
  });
}
