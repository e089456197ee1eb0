// A .genai-review.json that is broken, mistyped or hostile: the server shows each problem on the
// config file at its line, keeps reviewing with the defaults for what is wrong, and a pattern
// that would hang a backtracking engine never stalls it.
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, type Diagnostic, type MarkupContent } from 'vscode-languageserver/node';
import { TestClient } from './testClient';
import { copyExamples, removeCopy, writeFile } from './workspaceCopy';

function lines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

describe('a hostile .genai-review.json', () => {
  let root: string;
  let client: TestClient;
  afterEach(async () => {
    await client.stop();
    removeCopy(root);
  });

  it('wrong types, unknown keys and a pattern that does not compile: each on its line, defaults meanwhile', async () => {
    root = copyExamples();
    writeFile(root, '.genai-review.json', [
      '{',
      '  "productionTitle": "Night Market",',
      '  "productionType": "musical",',
      '  "cast": [{ "name": "Rosa Delgado", "role": "LUZ" }],',
      '  "sevrity": { "talent-likeness": "error" },',
      '  "approvalPattern": "approval: ([A-Z",',
      '  "include": ["**/*a*a*a*b"]',
      '}',
    ].join('\n'));
    client = await TestClient.start({ root, pull: true });
    const config = await client.open('.genai-review.json');
    const problems = await client.diagnostics(config);
    assert.deepEqual(lines(problems), [
      '5: Unknown setting "sevrity"; known settings: productionTitle, productionType, mainCharacters, centralSettings, cast, markers, approvalPattern, severity, include, exclude, clearedTools, maxFileSizeBytes.',
      '7: "include" glob "**/*a*a*a*b" has 5 wildcards (* or **), at most 3: matching it against long paths could take minutes; the default include globs are used instead.',
      '3: "productionType" must be "scripted" or "documentary".',
      '6: "approvalPattern" does not compile: missing closing ]: `[A-Z`; the default approval pattern is used instead.',
    ]);
    assert.ok(problems.every((d) => d.source === 'GenAI Review'));
    assert.equal(problems.find((d) => (d.message as string).startsWith('Unknown setting'))!.severity, DiagnosticSeverity.Warning);
    // The notes are still reviewed: default globs, default pattern, and the cast that was valid.
    const notes = await client.open('production-notes.md');
    const diagnostics = await client.diagnostics(notes);
    const faceSwap = diagnostics.find((d) => client.document(notes).getText(d.range).includes('face swap'));
    assert.equal(faceSwap?.code, 'talent-likeness');
    assert.equal(faceSwap?.severity, DiagnosticSeverity.Warning, 'the misspelt "sevrity" does not apply');
  });

  it('invalid JSON: the problem at its line, and the review goes on with the defaults', async () => {
    root = copyExamples();
    writeFile(root, '.genai-review.json', '{\n  "productionTitle": "Night Market",\n  "severity": { "talent-likeness": "error" \n  "cast": [\n}\n');
    client = await TestClient.start({ root, pull: true });
    const report = await client.workspaceDiagnostics();
    const config = report.items.find((i) => i.uri.endsWith('/.genai-review.json'));
    assert.ok(config && config.kind === 'full');
    assert.match(lines(config.items)[0], /^4: Invalid JSON: CommaExpected$/);
    assert.ok(config.items.every((d) => d.severity === DiagnosticSeverity.Error));
    const notes = report.items.find((i) => i.uri.endsWith('/production-notes.md'));
    assert.ok(notes && notes.kind === 'full' && notes.items.some((d) => d.code === 'union-work'));
  });

  it('a catastrophic-backtracking approval pattern runs in linear time: diagnostics and hovers come back', async () => {
    root = copyExamples();
    writeFile(root, '.genai-review.json', '{ "approvalPattern": "^(\\\\w+\\\\s?)+$" }');
    // On RegExp, this pattern takes exponential time on a note of words ending in "!".
    const note = `GenAI: generate the whole crowd for the market scene ${'word '.repeat(20000)}!\n`;
    writeFile(root, 'crowd.txt', note);
    client = await TestClient.start({ root, pull: true });
    const config = await client.open('.genai-review.json');
    assert.deepEqual(await client.diagnostics(config), []);
    const uri = await client.open('crowd.txt');
    const [finding] = await client.diagnostics(uri);
    assert.equal(finding.code, 'union-work');
    assert.equal(finding.severity, DiagnosticSeverity.Warning, 'the pattern does not match: no approval');
    const hover = await client.hover(uri, 10);
    assert.match((hover!.contents as MarkupContent).value, /needs written approval/);
  });
});
