// "GenAI Review: Generate Disclosure Summary" opens the summary as a Markdown document beside
// the script: the production's title, the counts, and one row per AI use with its file, scene,
// line and outcome.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { SummaryOpened } from '../../../client/src/extension';
import { waitUntil } from './support/waitFor';
import { CONFIG, EXAMPLE_FILES, expectedDiagnostics, exampleUri, originalText, SCREENPLAY, VENDOR_LOG, waitForExampleDiagnostics, type ExpectedDiagnostic } from './support/examples';

const OUTCOME_LABEL = { 'approval-required': 'Needs written approval', approved: 'Approved', disclose: 'Disclose (low risk)' } as const;

interface UseRow {
  file: string;
  scene: string;
  line: number;
  outcome: string;
}

/** The cells of a Markdown table row; `\|` inside a cell is text. */
function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The rows of the "Every AI use" table. */
function useRows(markdown: string): UseRow[] {
  const section = markdown.split('## Every AI use')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((l) => /^\| \d+ \|/.test(l));
  return rows.map((row) => {
    const [, file, scene, line, , , outcome] = cells(row);
    return { file, scene, line: Number(line), outcome };
  });
}

/** The scene heading a screenplay line is under. */
function sceneOf(text: string, line: number): string {
  const headings = text.split(/\r?\n/).slice(0, line).filter((l) => /^(INT|EXT)[./]/.test(l));
  return headings[headings.length - 1] ?? '—';
}

function expectedRow(e: ExpectedDiagnostic): Omit<UseRow, 'scene'> {
  return { file: e.file, line: e.line + 1, outcome: OUTCOME_LABEL[e.finding.outcome] };
}

/** The editor groups with a tab showing `uri`. */
function tabsOf(uri: string): vscode.ViewColumn[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri).map(() => group.viewColumn),
  );
}

async function generateSummary(...args: unknown[]): Promise<{ result: SummaryOpened; editor: vscode.TextEditor }> {
  const result = await vscode.commands.executeCommand<SummaryOpened>('genaiReview.generateSummary', ...args);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is active');
  return { result, editor };
}

describe('disclosure summary', () => {
  before(async () => {
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
    await vscode.window.showTextDocument(exampleUri(SCREENPLAY));
  });
  afterEach(async () => {
    // Close the summaries without saving them, as a person who only read them would.
    for (const editor of vscode.window.visibleTextEditors.filter((e) => e.document.isUntitled)) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await waitUntil(
      () => !vscode.workspace.textDocuments.some((d) => d.isUntitled),
      () => 'the summaries closed',
      { events: [vscode.workspace.onDidCloseTextDocument] },
    );
  });

  it('opens a Markdown editor beside the script with a row for every AI use of the production', async () => {
    const { result, editor } = await generateSummary();
    const { document } = editor;
    assert.equal(document.uri.toString(), result.uri);
    assert.equal(document.languageId, 'markdown');
    assert.ok(document.isUntitled, 'a new document, saved only if the person wants to');
    assert.equal(document.getText(), result.markdown);
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'beside the script');
    assert.deepEqual(tabsOf(result.uri), [vscode.ViewColumn.Two], 'one tab, beside the script');

    const { productionTitle } = JSON.parse(originalText(CONFIG)) as { productionTitle: string };
    const text = document.getText();
    // Its first line, which also names its tab.
    assert.equal(document.lineAt(0).text, `# GenAI disclosure summary: ${productionTitle}`, 'the title from .genai-review.json');

    const expected = EXAMPLE_FILES.flatMap((name) => expectedDiagnostics(name));
    const count = (outcome: keyof typeof OUTCOME_LABEL) => expected.filter((e) => e.finding.outcome === outcome).length;
    for (const outcome of ['approval-required', 'approved', 'disclose'] as const) {
      assert.ok(text.includes(`| ${OUTCOME_LABEL[outcome]} | ${count(outcome)} |`), `${OUTCOME_LABEL[outcome]}: ${count(outcome)}`);
    }
    assert.ok(text.includes(`| **Total** | **${expected.length}** |`));

    const rows = useRows(text);
    assert.deepEqual(rows.map(({ file, line, outcome }) => ({ file, line, outcome })), expected.map(expectedRow));
    const script = originalText(SCREENPLAY);
    for (const row of rows.filter((r) => r.file === SCREENPLAY)) assert.equal(row.scene.replace(/\\/g, ''), sceneOf(script, row.line - 1), `line ${row.line}`);
  });

  it('replaces the summary already open when generated again', async () => {
    const first = await generateSummary();
    await vscode.window.showTextDocument(exampleUri(SCREENPLAY), { viewColumn: vscode.ViewColumn.One });
    const second = await generateSummary();
    assert.equal(second.result.uri, first.result.uri);
    assert.equal(second.editor.document.getText(), second.result.markdown);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.isUntitled).length, 1);
    assert.deepEqual(tabsOf(second.result.uri), [vscode.ViewColumn.Two]);
  });

  it('summarises only the file it is run on', async () => {
    const { result, editor } = await generateSummary(exampleUri(VENDOR_LOG));
    assert.equal(editor.document.uri.toString(), result.uri);
    const expected = expectedDiagnostics(VENDOR_LOG);
    assert.deepEqual(useRows(editor.document.getText()).map(({ file, line, outcome }) => ({ file, line, outcome })), expected.map(expectedRow));
    assert.equal(result.json.counts.total, expected.length);
  });
});
