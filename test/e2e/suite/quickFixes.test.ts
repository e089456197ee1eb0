// The quick fixes on a flagged note, applied through the editor's workspace-edit API, and what
// the writer sees afterwards: the inserted text where it belongs, and the diagnostic gone,
// changed or kept as the fix means. Each test puts the file back as it was.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { FIX_TITLES, fixesFor, TEMPORARY_MARK, type Fix } from '../../../server/src/core/disclosure/fixes';
import { applyQuickFix, diagnosticOn, openEditor, quickFixes, select, typeText } from './support/editing';
import { analyzeExamples, EXAMPLE_FILES, lineOf, NOTES, originalText, restoreExample, SCREENPLAY, VENDOR_LOG, waitForExampleDiagnostics } from './support/examples';
import { codeOf, describeDiagnostics, waitForDiagnostics } from './support/waitFor';

const CANOPY = 'generate the lantern canopy';
const PROTEST = 'make the protest look like real 2019 news footage';
const CROWD = 'AI-generated crowd of shoppers';
const OMAR = "Omar's voice for the napkin V.O.";
const NEW_CROWD = '[[GenAI: generate the night market crowd for the wide shots]]';

/** The fixes the review offers on the note holding `words`, as the analysis finds them. */
function fixesOf(name: string, words: string, text = originalText(name)): Fix[] {
  const production = analyzeExamples({ texts: { [name]: text } });
  const path = [...production.paths()].find((p) => p.endsWith(`/${name}`))!;
  const finding = production.analyze(path).find((f) => text.slice(f.span.start, f.span.end).includes(words));
  if (!finding) throw new Error(`the analysis finds no AI use on "${words}"`);
  return fixesFor(production.document(path)!, finding);
}

function lineText(editor: vscode.TextEditor, line: number): string {
  return editor.document.lineAt(line).text;
}

describe('quick fixes', () => {
  before(async () => {
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
  });
  afterEach(async () => {
    for (const name of EXAMPLE_FILES) await restoreExample(name);
  });

  it('offers the fixes that apply to a flagged note, then the same for every finding in the file', async () => {
    const editor = await openEditor(SCREENPLAY);
    const uri = editor.document.uri;
    const crowd = await diagnosticOn(editor, CROWD);
    // (vscode.executeCodeActionProvider does not hand back which diagnostics an action fixes;
    // the protocol tests check that the server names them.)
    const actions = await quickFixes(uri, crowd);
    const own = fixesOf(SCREENPLAY, CROWD).map((f) => f.title);
    assert.ok(own.includes(FIX_TITLES['disclosure-stub'].one) && own.includes(FIX_TITLES.suppress.one), own.join('\n'));
    assert.deepEqual(actions.slice(0, own.length).map((a) => a.title), own);
    assert.equal(actions.find((a) => a.isPreferred)?.title, FIX_TITLES['disclosure-stub'].one);
    for (const a of actions) assert.equal(a.kind?.value, vscode.CodeActionKind.QuickFix.value);
    // Then each fix for every finding in the file that takes it, with how many.
    const findings = vscode.languages.getDiagnostics(uri);
    const fileWide = actions.slice(own.length).map((a) => a.title);
    assert.ok(fileWide.includes(`${FIX_TITLES['disclosure-stub'].all} (${findings.length})`), fileWide.join('\n'));
    assert.ok(fileWide.includes(`${FIX_TITLES.suppress.all} (${findings.length})`), fileWide.join('\n'));
    // A use that stays in the final cut cannot be marked temporary.
    const canopy = await diagnosticOn(editor, CANOPY);
    const canopyFixes = (await quickFixes(uri, canopy)).map((a) => a.title);
    assert.ok(canopyFixes.includes(FIX_TITLES['disclosure-stub'].one) && !canopyFixes.includes(FIX_TITLES['mark-temporary'].one), canopyFixes.join('\n'));
  });

  it('disclosure stub: a record under the note; typing the approval reference into it approves the use', async () => {
    const editor = await openEditor(SCREENPLAY);
    const uri = editor.document.uri;
    const count = vscode.languages.getDiagnostics(uri).length;
    const canopy = await diagnosticOn(editor, CANOPY);
    await applyQuickFix(editor, canopy, FIX_TITLES['disclosure-stub'].one);

    const noteLine = lineOf(editor.document.getText(), CANOPY);
    const record = lineText(editor, noteLine + 1);
    assert.match(record, /^\[\[GenAI disclosure: What is generated: .*; Categories: key-element, final-deliverable; .*Approval: PENDING\]\]$/);
    // PENDING is no reference: the use still needs approval, and nothing else changed (the
    // findings below moved down a line).
    const still = await waitForExampleDiagnostics(SCREENPLAY, { texts: { [SCREENPLAY]: editor.document.getText() } });
    assert.equal(still.length, count);
    const kept = still.find((d) => d.range.start.line === noteLine);
    assert.ok(kept && codeOf(kept) === codeOf(canopy) && kept.severity === vscode.DiagnosticSeverity.Warning, describeDiagnostics(still));

    // The evidence they point at moved down too: Omar's first cue.
    const main = still.find((d) => codeOf(d) === 'main-character');
    const [related] = main?.relatedInformation ?? [];
    assert.ok(related, describeDiagnostics(still));
    assert.equal(editor.document.getText(related.location.range), 'OMAR');
    assert.equal(related.location.range.start.line, editor.document.getText().split(/\r?\n/).indexOf('OMAR'));

    select(editor, 'PENDING', editor.document.offsetAt(new vscode.Position(noteLine + 1, 0)));
    await typeText(editor, 'NFX-GAI-0421');
    assert.match(lineText(editor, noteLine + 1), /Approval: NFX-GAI-0421\]\]$/);
    const approved = await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => d.range.start.line === noteLine && d.message.startsWith('Approved (NFX-GAI-0421)')),
      'the use approved by the reference typed into its record',
    );
    assert.equal(approved.find((d) => d.range.start.line === noteLine)!.severity, vscode.DiagnosticSeverity.Information);
    await waitForExampleDiagnostics(SCREENPLAY, { texts: { [SCREENPLAY]: editor.document.getText() } });
  });

  it('approval placeholder: "Approval: PENDING" in the note, which still needs approval until a reference replaces it', async () => {
    const editor = await openEditor(SCREENPLAY);
    const uri = editor.document.uri;
    const protest = await diagnosticOn(editor, PROTEST);
    await applyQuickFix(editor, protest, FIX_TITLES['approval-placeholder'].one);
    const line = protest.range.start.line;
    assert.match(lineText(editor, line), /Hong Kong marches\. Approval: PENDING\]\]$/);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Warning && /"Approval: PENDING" is not a reference/.test(d.message)), 'the placeholder named as no reference');

    select(editor, 'PENDING');
    await typeText(editor, 'NFX-GAI-0422');
    await waitForDiagnostics(uri, (ds) => ds.some((d) => d.range.start.line === line && d.message.startsWith('Approved (NFX-GAI-0422)')), 'the use approved');
    await waitForExampleDiagnostics(SCREENPLAY, { texts: { [SCREENPLAY]: editor.document.getText() } });
  });

  it('mark temporary: a new note the writer adds says it is temp, and the use becomes one to disclose', async () => {
    const editor = await openEditor(SCREENPLAY);
    const uri = editor.document.uri;
    // A note pasted in above the last line; its generated crowd is union work unless temporary.
    const fadeOut = editor.document.getText().indexOf('FADE OUT.');
    await editor.edit((b) => b.insert(editor.document.positionAt(fadeOut), `${NEW_CROWD}\n\n`));
    const added = await diagnosticOn(editor, NEW_CROWD);
    const offered = fixesOf(SCREENPLAY, NEW_CROWD, editor.document.getText()).map((f) => f.kind);
    assert.ok(offered.includes('mark-temporary'), `the review offers the temporary mark on ${NEW_CROWD} (offers: ${offered.join(', ')})`);

    await applyQuickFix(editor, added, FIX_TITLES['mark-temporary'].one);
    const line = added.range.start.line;
    assert.ok(lineText(editor, line).endsWith(`${TEMPORARY_MARK}]]`), lineText(editor, line));
    const shown = await waitForDiagnostics(uri, (ds) => ds.some((d) => d.range.start.line === line && codeOf(d) === 'disclose'), 'the new note as a use to disclose');
    assert.equal(shown.find((d) => d.range.start.line === line)!.severity, vscode.DiagnosticSeverity.Information);
    await waitForExampleDiagnostics(SCREENPLAY, { texts: { [SCREENPLAY]: editor.document.getText() } });
  });

  it('suppress: a directive above the note in each file\'s own syntax, and its diagnostic goes away', async () => {
    const cases: [string, string, RegExp][] = [
      [SCREENPLAY, OMAR, /^\[\[genai-review: ignore-next\]\]$/],
      [NOTES, 'Paste the full shooting script into ChatGPT', /^<!-- genai-review: ignore-next -->$/],
      [VENDOR_LOG, 'Generated steam on the dumpling close-ups', /^Genai-review: ignore-next\.$/],
    ];
    const texts: Record<string, string> = {};
    for (const [name, words, directive] of cases) {
      const editor = await openEditor(name);
      const uri = editor.document.uri;
      const before = vscode.languages.getDiagnostics(uri);
      const target = await diagnosticOn(editor, words);
      await applyQuickFix(editor, target, FIX_TITLES.suppress.one);
      const noteLine = lineOf(editor.document.getText(), words);
      assert.match(lineText(editor, noteLine - 1), directive, name);
      const after = await waitForDiagnostics(uri, (ds) => ds.length === before.length - 1 && !ds.some((d) => d.range.start.line === noteLine), `${name}: the suppressed note's diagnostic gone`);
      // Every other finding is still there (the ones below moved down a line).
      const others = before.filter((d) => d !== target && !(d.range.isEqual(target.range) && d.message === target.message));
      assert.deepEqual(after.map((d) => d.message).sort(), others.map((d) => d.message).sort(), `${name}:\n${describeDiagnostics(after)}`);
      texts[name] = editor.document.getText();
      await waitForExampleDiagnostics(name, { texts });
    }
  });

  it('for every finding in a file: a disclosure record under each use in the vendor log', async () => {
    const editor = await openEditor(VENDOR_LOG);
    const uri = editor.document.uri;
    const before = vscode.languages.getDiagnostics(uri);
    const actions = await quickFixes(uri, before[0]);
    const all = actions.find((a) => a.title.startsWith(FIX_TITLES['disclosure-stub'].all));
    assert.ok(all?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(all.title, `${FIX_TITLES['disclosure-stub'].all} (${before.length})`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.equal(editor.document.getText().match(/^GenAI disclosure:$/gm)?.length, before.length);
    // The same findings, each moved down by the records above it.
    const after = await waitForExampleDiagnostics(VENDOR_LOG, { texts: { [VENDOR_LOG]: editor.document.getText() } });
    assert.deepEqual(after.map((d) => codeOf(d)), before.map((d) => codeOf(d)));
    assert.notDeepEqual(after.map((d) => d.range.start.line), before.map((d) => d.range.start.line));
  });

  it('typing an approval reference over "pending" clears the error', async () => {
    const editor = await openEditor(NOTES);
    const uri = editor.document.uri;
    const faceSwap = await diagnosticOn(editor, 'Use an AI face swap');
    assert.equal(faceSwap.severity, vscode.DiagnosticSeverity.Error);
    assert.match(faceSwap.message, /"Approval: pending" is not a reference/);
    select(editor, 'pending');
    await typeText(editor, 'LEGAL-4410');
    const line = faceSwap.range.start.line;
    const after = await waitForDiagnostics(uri, (ds) => ds.some((d) => d.range.start.line === line && d.message.startsWith('Approved (LEGAL-4410)')), 'the face swap approved');
    assert.equal(after.find((d) => d.range.start.line === line)!.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(!after.some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === line));
  });
});
