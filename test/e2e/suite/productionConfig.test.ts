// The production's .genai-review.json: its mistakes show on the file itself, at the line of the
// mistake, as it is typed; a change to it applies to every file of the production at once.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CONFIG, EXAMPLE_FILES, exampleUri, lineOf, restoreExample, waitForExampleDiagnostics } from './support/examples';
import { openEditor, select, typeText } from './support/editing';
import { codeOf, describeDiagnostics, waitForDiagnostics } from './support/waitFor';

describe('.genai-review.json', () => {
  const uri = exampleUri(CONFIG);

  before(async () => {
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
  });
  afterEach(async () => {
    await restoreExample(CONFIG);
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'the config without problems again');
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
  });

  it('a wrong value is an error on its line, naming what is allowed', async () => {
    const editor = await openEditor(CONFIG);
    select(editor, 'scripted');
    await typeText(editor, 'musical');
    const line = lineOf(editor.document.getText(), '"musical"');
    // (Each key typed is checked: wait for the check of the whole word.)
    const [problem] = await waitForDiagnostics(uri, (ds) => ds.length === 1 && editor.document.getText(ds[0].range) === '"musical"', 'one problem, on "musical"');
    assert.equal(problem.message, '"productionType" must be "scripted" or "documentary".');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problem.range.start.line, line);
    assert.equal(editor.document.getText(problem.range), '"musical"');
    assert.equal(problem.source, 'GenAI Review');
  });

  it('broken JSON is an error where it breaks', async () => {
    const editor = await openEditor(CONFIG);
    const line = lineOf(editor.document.getText(), '"productionType"');
    // Deletes the comma at the end of the line above, as a slip of the keyboard would.
    const comma = editor.document.lineAt(line - 1).range.end;
    await editor.edit((b) => b.delete(new vscode.Range(comma.translate(0, -1), comma)));
    const problems = await waitForDiagnostics(uri, (ds) => ds.some((d) => d.message.startsWith('Invalid JSON')), 'an invalid JSON error');
    const invalid = problems.find((d) => d.message.startsWith('Invalid JSON'))!;
    assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(invalid.range.start.line, line, describeDiagnostics(problems));
  });

  it('an unknown setting is a warning listing the known ones', async () => {
    const editor = await openEditor(CONFIG);
    // (Inside the quotes: typing a quote over a selection would wrap it in quotes.)
    select(editor, 'productionTitle');
    await typeText(editor, 'title');
    const [unknown] = await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].message.startsWith('Unknown setting "title"'), 'one problem, on "title"');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(unknown.message, /^Unknown setting "title"; known settings: .*productionTitle/);
    assert.equal(unknown.range.start.line, lineOf(editor.document.getText(), '"title"'));
  });

  it('a severity typed into it applies to every file of the production before it is saved', async () => {
    const editor = await openEditor(CONFIG);
    const talent = () => EXAMPLE_FILES.flatMap((n) => vscode.languages.getDiagnostics(exampleUri(n))).filter((d) => codeOf(d) === 'talent-likeness' && !d.message.startsWith('Approved'));
    assert.ok(talent().length >= 3 && talent().every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    select(editor, 'error');
    await typeText(editor, 'hint');
    assert.ok(editor.document.isDirty);
    // A note that implies several categories takes the most severe of them: the analysis of the
    // edited config says which.
    const changes = { texts: { [CONFIG]: editor.document.getText() } };
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name, changes);
    assert.ok(talent().some((d) => d.severity === vscode.DiagnosticSeverity.Hint), 'talent-likeness alone is a hint now');
    assert.ok(!talent().some((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });
});
