// A production that keeps its config as .genai-review.yaml: the server shows its mistakes on the
// file at their lines, as for JSON, and a change to it, typed in the editor or saved on disk,
// changes how the notes under it are read.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver/node';
import { TestClient } from './testClient';
import { copyExamples, removeCopy, writeFile } from './workspaceCopy';

function lines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

/** A copy of the example production whose config is YAML instead of JSON. */
function yamlProduction(config: string): string {
  const root = copyExamples();
  rmSync(path.join(root, '.genai-review.json'));
  writeFile(root, '.genai-review.yaml', config);
  return root;
}

const PICKUPS = ['# Pickups', '', '- GenAI: extend the crowd of extras in the market wide, greenlit as NM-42', "- GenAI: generate the fortune teller's face for the card insert, final comp", ''].join('\n');

describe('a .genai-review.yaml', () => {
  let root: string;
  let client: TestClient;
  afterEach(async () => {
    await client.stop();
    removeCopy(root);
  });

  it('shows each mistake on its line, and the review goes on with the defaults for what is wrong', async () => {
    root = yamlProduction(
      [
        '# Night Market',
        'productionTitle: Night Market',
        'productionType: musical',
        'cast:',
        '  - name: Rosa Delgado',
        '    role: LUZ',
        'sevrity:',
        '  talent-likeness: error',
        "approvalPattern: 'approval: ([A-Z'",
        'clearedTools: !!js/function "function () {}"',
        'markers: [GenAI, AI]',
        'markers: [AI]',
      ].join('\n'),
    );
    client = await TestClient.start({ root, pull: true });
    const config = await client.open('.genai-review.yaml');
    const problems = await client.diagnostics(config);
    assert.deepEqual(lines(problems), [
      '10: Invalid YAML: tags such as !!js/function are not allowed in a config file; write the plain value.',
      '12: Invalid YAML: duplicate key "markers"; the first one applies.',
      '7: Unknown setting "sevrity"; known settings: productionTitle, productionType, mainCharacters, centralSettings, cast, markers, approvalPattern, severity, include, exclude, clearedTools, maxFileSizeBytes.',
      '3: "productionType" must be "scripted" or "documentary".',
      '9: "approvalPattern" does not compile: missing closing ]: `[A-Z`; the default approval pattern is used instead.',
    ]);
    assert.ok(problems.every((d) => d.source === 'GenAI Review'));
    assert.equal(problems.find((d) => (d.message as string).startsWith('Unknown setting'))!.severity, DiagnosticSeverity.Warning);
    // The tag is underlined from where it is written.
    const tag = problems[0];
    assert.equal(client.document(config).getText(tag.range).slice(0, 14), '!!js/function ');
    // The notes are still reviewed: the valid cast applies, the misspelt severity does not.
    const notes = await client.open('production-notes.md');
    const faceSwap = (await client.diagnostics(notes)).find((d) => client.document(notes).getText(d.range).includes('face swap'));
    assert.equal(faceSwap?.code, 'talent-likeness');
    assert.equal(faceSwap?.severity, DiagnosticSeverity.Warning, 'the misspelt "sevrity" does not apply');
  });

  it('invalid YAML: the problem at its line in the workspace diagnostics; the rest of the file applies', async () => {
    root = yamlProduction('productionTitle: Night Market\nseverity:\n\ttalent-likeness: error\nclearedTools: [Runway]\n');
    client = await TestClient.start({ root, pull: true });
    const report = await client.workspaceDiagnostics();
    const config = report.items.find((i) => i.uri.endsWith('/.genai-review.yaml'));
    assert.ok(config && config.kind === 'full');
    // The parser reads the line after the tab as a setting of its own; the setting above falls back.
    assert.deepEqual(lines(config.items), ['3: Invalid YAML: Tabs are not allowed as indentation', '3: Unknown setting "talent-likeness"; known settings: productionTitle, productionType, mainCharacters, centralSettings, cast, markers, approvalPattern, severity, include, exclude, clearedTools, maxFileSizeBytes.']);
    const notes = report.items.find((i) => i.uri.endsWith('/production-notes.md'));
    assert.ok(notes && notes.kind === 'full');
    assert.ok(notes.items.some((d) => d.code === 'union-work'));
    assert.ok(notes.items.some((d) => d.code === 'talent-likeness' && d.severity === DiagnosticSeverity.Warning), 'the broken severity falls back to its default');
  });

  it('an approvalPattern typed into the open YAML file, and mainCharacters saved to it on disk, change the notes\' diagnostics', async () => {
    root = yamlProduction('productionTitle: Night Market\n');
    writeFile(root, 'pickups.md', PICKUPS);
    client = await TestClient.start({ root, pull: false });
    const notesUri = await client.open('pickups.md');
    const crowd = (d: Diagnostic) => d.range.start.line === 2;
    const fortuneTeller = (d: Diagnostic) => d.range.start.line === 3;
    const before = await client.diagnostics(notesUri);
    assert.equal(before.find(crowd)?.severity, DiagnosticSeverity.Warning, '"greenlit as" is no approval the built-in pattern knows');
    assert.equal(before.find(fortuneTeller)?.code, 'final-deliverable');

    // Typed in the editor: the production's own approval references.
    const configUri = await client.open('.genai-review.yaml');
    const approved = client.waitForPublish(notesUri, (p) => p.diagnostics.some((d) => crowd(d) && d.severity === DiagnosticSeverity.Information));
    await client.insert(configUri, client.document(configUri).getText().length, "approvalPattern: 'greenlit as ([A-Z]+-\\d+)'\n");
    const afterPattern = (await approved).diagnostics.find(crowd)!;
    assert.equal(afterPattern.code, 'union-work');
    assert.match(afterPattern.message as string, /^Approved \(NM-42\)/);
    await client.close(configUri);

    // Saved on disk, the file not open: the main characters.
    const main = client.waitForPublish(notesUri, (p) => p.diagnostics.some((d) => fortuneTeller(d) && d.code === 'main-character'));
    const file = writeFile(root, '.genai-review.yaml', "productionTitle: Night Market\napprovalPattern: 'greenlit as ([A-Z]+-\\d+)'\nmainCharacters: [LUZ, OMAR, FORTUNE TELLER]\n");
    await client.filesChanged([{ uri: client.uri(path.relative(root, file)), type: FileChangeType.Changed }]);
    const afterMain = (await main).diagnostics;
    assert.equal(afterMain.find(fortuneTeller)?.severity, DiagnosticSeverity.Warning);
    assert.equal(afterMain.find(crowd)?.severity, DiagnosticSeverity.Information, 'the pattern still applies');
  });

  it('beside a .genai-review.json, it is ignored and says so at its first line', async () => {
    root = copyExamples();
    writeFile(root, '.genai-review.yaml', '# Night Market\nseverity:\n  talent-likeness: hint\n');
    client = await TestClient.start({ root, pull: true });
    const config = await client.open('.genai-review.yaml');
    const [ignored, ...rest] = await client.diagnostics(config);
    assert.deepEqual(rest, []);
    assert.equal(ignored.message, 'Ignored: .genai-review.json in the same folder applies.');
    assert.equal(ignored.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(ignored.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
    const notes = await client.open('production-notes.md');
    const faceSwap = (await client.diagnostics(notes)).find((d) => client.document(notes).getText(d.range).includes('face swap'));
    assert.equal(faceSwap?.severity, DiagnosticSeverity.Error, 'the JSON file, which sets it to error, applies');
  });
});
