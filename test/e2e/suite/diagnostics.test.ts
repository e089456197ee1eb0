// What a writer sees in the Problems panel for the example production: every AI use the review
// finds, on its note's line, with the rule id, the source and the evidence; nothing on story
// lines, suppressed notes or notes that only deny using AI.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import { CATEGORY_IDS } from '../../../server/src/core/categories';
import { ruleFor } from '../../../server/src/core/rules/catalog';
import {
  CONFIG,
  diagnosticSignatures,
  EXAMPLE_FILES,
  exampleUri,
  expectedDiagnostics,
  expectedSignatures,
  lineOf,
  NOTES,
  originalText,
  SCREENPLAY,
  VENDOR_LOG,
  waitForExampleDiagnostics,
} from './support/examples';
import { codeOf, describeDiagnostics } from './support/waitFor';

const SEVERITY_BY_NAME: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The severity a category is shown with: the setting's default, unless the production's config says otherwise. */
function configuredSeverity(category: string): vscode.DiagnosticSeverity {
  const config = JSON.parse(originalText(CONFIG)) as { severity?: Record<string, string> };
  const properties = manifest.contributes.configuration.properties as Record<string, { default?: unknown }>;
  const name = config.severity?.[category] ?? (properties[`genaiReview.severity.${category}`].default as string);
  return SEVERITY_BY_NAME[name];
}

/** vscode.DiagnosticSeverity counts from Error (0) down to Hint (3). */
function mostSevere(severities: vscode.DiagnosticSeverity[]): vscode.DiagnosticSeverity {
  return Math.min(...severities);
}

/** Lines of the screenplay that are story (action, dialogue, cues, headings), not notes. */
function storyLines(text: string): number[] {
  const lines: number[] = [];
  let inBoneyard = false;
  text.split(/\r?\n/).forEach((line, i) => {
    const opens = line.includes('/*');
    const closes = line.includes('*/');
    const note = inBoneyard || opens || line.includes('[[') || /^\s*[#=]/.test(line) || line.trim() === '';
    if (opens && !closes) inBoneyard = true;
    else if (closes) inBoneyard = false;
    if (!note && !/^\w[\w ]*:/.test(line)) lines.push(i); // title page keys ("Title:") are no story either
  });
  return lines;
}

describe('diagnostics', () => {
  const shown = new Map<string, vscode.Diagnostic[]>();

  before(async () => {
    for (const name of EXAMPLE_FILES) shown.set(name, await waitForExampleDiagnostics(name));
  });

  it('each example file shows exactly the review\'s findings, each on its note\'s line', () => {
    for (const name of EXAMPLE_FILES) {
      const expected = expectedDiagnostics(name);
      assert.ok(expected.length > 0, `${name} has AI uses`);
      assert.deepEqual(diagnosticSignatures(shown.get(name)!), expectedSignatures(expected), name);
    }
  });

  it('underlines the whole note, delimiters included', async () => {
    for (const name of EXAMPLE_FILES) {
      const document = await vscode.workspace.openTextDocument(exampleUri(name));
      const text = document.getText();
      const underlined = shown.get(name)!.map((d) => document.getText(d.range)).sort();
      const notes = expectedDiagnostics(name).map((e) => text.slice(e.finding.span.start, e.finding.span.end)).sort();
      assert.deepEqual(underlined, notes, name);
    }
    // In the screenplay, a note is [[…]], or a boneyard /* … */ holding one.
    const document = await vscode.workspace.openTextDocument(exampleUri(SCREENPLAY));
    for (const d of shown.get(SCREENPLAY)!) assert.match(document.getText(d.range), /^(\[\[[\s\S]*\]\]|\/\*[\s\S]*\*\/)$/);
  });

  it('names every category the example implies, each use with the most severe of its categories\' severities', () => {
    const expected = EXAMPLE_FILES.flatMap((name) => expectedDiagnostics(name));
    const present = new Set(expected.flatMap((e) => e.finding.categories));
    // examples/ is the demo of every category: one the review stops finding there needs a new example note.
    assert.deepEqual([...present].sort(), [...CATEGORY_IDS].sort(), 'the categories the example implies');
    for (const category of present) {
      const implies = ruleFor(category).implies;
      const naming = [...shown.values()].flat().filter((d) => d.message.includes(implies));
      assert.ok(naming.length > 0, `a diagnostic names ${category} ("${implies}")`);
    }
    for (const e of expected) {
      const d = shown.get(e.file)!.find((x) => x.range.start.line === e.line)!;
      const where = `${e.file}:${e.line + 1} ${d.message}`;
      if (e.finding.outcome === 'approval-required') {
        assert.equal(d.severity, mostSevere(e.finding.categories.map(configuredSeverity)), where);
        assert.match(d.message, /cites no written approval/, where);
      } else {
        assert.equal(d.severity, configuredSeverity(e.finding.outcome === 'approved' ? 'approved' : 'disclose'), where);
      }
    }
    // talent-likeness is an error because examples/.genai-review.json says so, over the default.
    assert.equal(configuredSeverity('talent-likeness'), vscode.DiagnosticSeverity.Error);
    assert.ok(expected.some((e) => e.finding.outcome === 'approved') && expected.some((e) => e.finding.outcome === 'disclose'), 'approved and low-risk uses too');
  });

  it('never flags story: action and dialogue that mention AI are not notes', () => {
    const text = originalText(SCREENPLAY);
    const story = storyLines(text);
    const deepfake = lineOf(text, 'a news report about deepfake politicians');
    const fakeNews = lineOf(text, 'Even the news is fake now.');
    assert.ok(story.includes(deepfake) && story.includes(fakeNews), 'the test reads those lines as story');
    for (const d of shown.get(SCREENPLAY)!) {
      const onStory = story.filter((line) => d.range.start.line <= line && line <= d.range.end.line);
      assert.deepEqual(onStory, [], `diagnostic on story lines: ${d.message}`);
    }
  });

  it('does not flag suppressed notes, denials or tools that are not generative', () => {
    const cases: [string, string][] = [
      [SCREENPLAY, "[[AI: test note kept for the VFX vendor's pipeline check]]"],
      [NOTES, '- AI: placeholder line the editor asked us to keep'],
      [NOTES, "We are not using any AI for the fortune teller's cards"],
      [NOTES, 'Rent a generator for the night market exteriors'],
      [VENDOR_LOG, 'Movie Magic generates the call sheet from the schedule.'],
    ];
    for (const [name, words] of cases) {
      const line = lineOf(originalText(name), words);
      const on = shown.get(name)!.filter((d) => d.range.start.line <= line && line <= d.range.end.line);
      assert.deepEqual(on.map((d) => d.message), [], `${name}:${line + 1} "${words}"`);
    }
  });

  it('carries the rule id as code, "GenAI Review" as source and a link to the rule\'s documentation', () => {
    for (const d of [...shown.values()].flat()) {
      assert.equal(d.source, 'GenAI Review');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', 'the code links to the rule');
      assert.equal(code.target.fragment, `rule-${code.value}`);
      assert.match(code.target.path, /\/readme\.md$/i);
    }
  });

  it('points at the evidence kept elsewhere in the screenplay (related information)', async () => {
    const document = await vscode.workspace.openTextDocument(exampleUri(SCREENPLAY));
    for (const expected of expectedDiagnostics(SCREENPLAY)) {
      const d = shown.get(SCREENPLAY)!.find((x) => x.range.start.line === expected.line)!;
      // Evidence at the same place (a character behind two categories) is one entry.
      const located = expected.finding.evidence.filter((e, i, all) => e.location && all.findIndex((x) => x.location?.span.start === e.location!.span.start) === i);
      assert.deepEqual(
        (d.relatedInformation ?? []).map((r) => [r.location.uri.toString(), document.getText(r.location.range), r.message]),
        located.map((e) => [exampleUri(SCREENPLAY).toString(), document.getText().slice(e.location!.span.start, e.location!.span.end), e.text]),
        d.message,
      );
    }
    // Omar is a main character because of what he says in the screenplay: the diagnostic
    // points at his first cue.
    const main = shown.get(SCREENPLAY)!.find((d) => codeOf(d) === 'main-character');
    assert.ok(main, describeDiagnostics(shown.get(SCREENPLAY)!));
    const [related] = main.relatedInformation ?? [];
    assert.ok(related, 'the main-character diagnostic has related information');
    const lines = document.getText().split(/\r?\n/);
    assert.equal(related.location.range.start.line, lines.indexOf('OMAR'));
    const speeches = lines.filter((line) => /^OMAR( \(.*\))?$/.test(line)).length;
    assert.match(related.message, new RegExp(`^OMAR: speaks ${speeches} times`));
  });
});
