// Settings take effect as soon as they change, without reloading the window; the production's
// .genai-review.json still wins over them.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXAMPLE_FILES, exampleUri, restoreExample, waitForExampleDiagnostics } from './support/examples';
import { codeOf, waitUntil } from './support/waitFor';

const touched = ['severity.union-work', 'severity.talent-likeness', 'severity.disclose'];

function allDiagnostics(): vscode.Diagnostic[] {
  return EXAMPLE_FILES.flatMap((name) => vscode.languages.getDiagnostics(exampleUri(name)));
}

function describeAll(): string {
  return allDiagnostics().map((d) => `  ${vscode.DiagnosticSeverity[d.severity]} [${codeOf(d)}] ${d.message.slice(0, 60)}`).join('\n');
}

async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('genaiReview').update(key, value, vscode.ConfigurationTarget.Global);
}

const isFlagged = (d: vscode.Diagnostic, category: string) => codeOf(d) === category && !d.message.startsWith('Approved');

describe('settings', () => {
  before(async () => {
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
  });
  afterEach(async () => {
    for (const key of touched) await setUserSetting(key, undefined);
    for (const name of EXAMPLE_FILES) await restoreExample(name);
  });

  it('a category\'s severity set to error turns its warnings into errors at once, and back when reset', async () => {
    const unionWork = allDiagnostics().filter((d) => isFlagged(d, 'union-work'));
    assert.ok(unionWork.length >= 2 && unionWork.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    // talent-likeness at "information" in the settings too: .genai-review.json says "error", and wins.
    await setUserSetting('severity.talent-likeness', 'information');
    await setUserSetting('severity.union-work', 'error');
    const settings = { severity: { 'talent-likeness': 'information', 'union-work': 'error' } } as const;
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name, { settings });
    const now = allDiagnostics();
    assert.ok(now.filter((d) => isFlagged(d, 'union-work')).every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    const talent = now.filter((d) => isFlagged(d, 'talent-likeness'));
    assert.ok(talent.length > 0 && talent.every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the config file wins over the setting');

    await setUserSetting('severity.union-work', undefined);
    await setUserSetting('severity.talent-likeness', undefined);
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
  });

  it('"off" hides a kind of finding everywhere', async () => {
    const before = allDiagnostics();
    const disclose = before.filter((d) => codeOf(d) === 'disclose');
    assert.ok(disclose.length > 0);
    await setUserSetting('severity.disclose', 'off');
    await waitUntil(
      () => allDiagnostics().length === before.length - disclose.length && !allDiagnostics().some((d) => codeOf(d) === 'disclose'),
      () => `no low-risk uses shown; shown:\n${describeAll()}`,
    );
  });
});
