import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/src/cli';

const repo = path.resolve(__dirname, '../..');

async function run(args: string[], cwd = repo) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('genai-review CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'genai-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints eslint-like lines and exits 1 when a use needs approval', async () => {
    writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\n- GenAI: de-age Hana Sato for the prologue\n- Mood board made with Midjourney\n');
    const { code, stdout } = await run(['--no-color', dir]);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.match(lines[0], /notes\.md:3:1 {2}warning {2}Implies talent likeness .* and cites no written approval {2}\[talent-likeness\]$/);
    assert.match(lines[1], /notes\.md:4:1 {2}information {2}AI use to disclose/);
    assert.equal(lines[2], '1 needs written approval, 0 approved, 1 to disclose (1 file reviewed)');
  });

  it('exits 0 when every use is approved or low-risk', async () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'GenAI: de-age Hana Sato. Approval: NFX-GAI-0142\n');
    assert.equal((await run([dir])).code, 0);
  });

  it('writes the JSON other tools read, with 0-based UTF-16 positions', async () => {
    writeFileSync(path.join(dir, 'notes.txt'), '😀 intro\nVoice clone of Pedro Alves for the pickups\n');
    const { code, stdout } = await run(['--format', 'json', path.join(dir, 'notes.txt')], dir);
    assert.equal(code, 1);
    const json = JSON.parse(stdout);
    assert.equal(json.version, 1);
    assert.equal(json.files[0].path, 'notes.txt');
    const f = json.files[0].findings[0];
    assert.deepEqual(Object.keys(f), ['ruleId', 'severity', 'range', 'message', 'categories', 'outcome', 'approval']);
    assert.deepEqual(f.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 42 } });
    assert.equal(f.ruleId, 'talent-likeness');
    assert.equal(f.outcome, 'approval-required');
    assert.equal(f.approval, null);
  });

  it('reads a screenplay beside a notes file for its main characters', async () => {
    writeFileSync(path.join(dir, 'script.fountain'), 'INT. DOME - NIGHT\n\nROSA\nOne.\n\nIVAN\nTwo.\n\nEXT. ROOF - NIGHT\n\nROSA\nThree.\n\nIVAN\nFour.\n\nROSA\nFive.\n\nIVAN\nSix.\n');
    writeFileSync(path.join(dir, 'notes.md'), '- GenAI: generate Rosa for the roof wide\n');
    const { stdout } = await run(['--format', 'json', dir], dir);
    const notes = JSON.parse(stdout).files.find((f: { path: string }) => f.path === 'notes.md');
    assert.deepEqual(notes.findings[0].categories, ['main-character']);
  });

  it('exits 2 and names the input when it cannot be read', async () => {
    const missing = await run([path.join(dir, 'missing.fountain')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.fountain: no such file or folder/);
    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, 'locked.md');
      writeFileSync(locked, '- GenAI: x');
      chmodSync(locked, 0);
      const result = await run([locked]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /cannot read .*locked\.md: permission denied/);
    }
  });

  it('exits 2 on bad usage', async () => {
    const result = await run(['--format', 'xml']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown format "xml"/);
  });

  it('reports a bad config with its file and line, and keeps reviewing with the defaults', async () => {
    mkdirSync(path.join(dir, 'prod'));
    writeFileSync(path.join(dir, 'prod', '.genai-review.json'), '{\n  "productionType": "musical",\n  "sevrity": {}\n}\n');
    writeFileSync(path.join(dir, 'prod', 'notes.md'), '- GenAI: de-age Hana Sato\n');
    const { code, stderr, stdout } = await run(['--no-color', path.join(dir, 'prod')]);
    assert.equal(code, 2);
    assert.match(stderr, /\.genai-review\.json:2: "productionType" must be "scripted" or "documentary"/);
    assert.match(stderr, /\.genai-review\.json:3: Unknown setting "sevrity"/);
    assert.match(stdout, /talent-likeness/);
  });

  it('reads a .genai-review.yaml as the JSON one: its settings apply, its mistakes are reported by line', async () => {
    mkdirSync(path.join(dir, 'prod'));
    writeFileSync(path.join(dir, 'prod', '.genai-review.yaml'), 'productionType: musical\nsevrity: {}\nseverity:\n  talent-likeness: error\n');
    writeFileSync(path.join(dir, 'prod', 'notes.md'), '- GenAI: de-age Hana Sato\n');
    const { code, stderr, stdout } = await run(['--no-color', path.join(dir, 'prod')]);
    assert.equal(code, 2);
    assert.match(stderr, /\.genai-review\.yaml:1: "productionType" must be "scripted" or "documentary"/);
    assert.match(stderr, /\.genai-review\.yaml:2: Unknown setting "sevrity"/);
    assert.match(stdout, /notes\.md:1:1 {2}error {2}.*\[talent-likeness\]/);
  });

  it('applies a config below a glob\'s base to the files the glob matches there', async () => {
    mkdirSync(path.join(dir, 'prod', 'ep1'), { recursive: true });
    writeFileSync(path.join(dir, 'prod', 'ep1', '.genai-review.json'), '{ "severity": { "talent-likeness": "error" } }\n');
    writeFileSync(path.join(dir, 'prod', 'ep1', 'notes.md'), '- GenAI: de-age Hana Sato\n');
    const { stdout } = await run(['--no-color', 'prod/**/*.md'], dir);
    assert.match(stdout, /notes\.md:1:1 {2}error {2}.*\[talent-likeness\]/);
  });

  it('of a JSON and a YAML config in one folder, JSON applies and the YAML one is reported as ignored, on the command line or found above', async () => {
    writeFileSync(path.join(dir, '.genai-review.yml'), 'severity:\n  talent-likeness: error\n');
    writeFileSync(path.join(dir, '.genai-review.json'), '{ "severity": { "talent-likeness": "hint" } }');
    writeFileSync(path.join(dir, 'notes.md'), '- GenAI: de-age Hana Sato\n');
    for (const args of [[dir], [path.join(dir, '.genai-review.yml'), path.join(dir, 'notes.md')]]) {
      const { code, stderr, stdout } = await run(['--no-color', ...args], dir);
      assert.match(stderr, /\.genai-review\.yml:1: Ignored: \.genai-review\.json in the same folder applies\.\n/);
      assert.match(stdout, /notes\.md:1:1 {2}hint {2}.*\[talent-likeness\]/);
      assert.equal(code, 1, 'a warning about the config does not fail the run; the use needing approval does');
    }
  });

  it('skips binary and oversized files with a message, never a crash', async () => {
    writeFileSync(path.join(dir, 'blob.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(path.join(dir, '.genai-review.json'), '{ "maxFileSizeBytes": 10 }');
    writeFileSync(path.join(dir, 'big.md'), '- GenAI: ' + 'x'.repeat(100));
    const { code, stderr } = await run([dir]);
    assert.equal(code, 0);
    assert.match(stderr, /skipped .*blob\.txt: looks like a binary file/);
    assert.match(stderr, /skipped .*big\.md: larger than 10 bytes/);
  });

  it('finds no AI use in real screenplays and notes that have none', async () => {
    const { code, stdout } = await run(['--format', 'json', path.resolve(repo, '../shared/corpus')]);
    assert.equal(code, 0);
    const files = JSON.parse(stdout).files;
    assert.ok(files.length >= 12, `${files.length} corpus files`);
    for (const f of files) assert.deepEqual(f.findings, [], f.path);
  });
});

describe('genai-review CLI: disclosure summary', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'genai-cli-summary-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the summary as Markdown and writes it to a file when asked', async () => {
    writeFileSync(path.join(dir, 'notes.md'), '# Night shoot\n\n- GenAI: de-age Hana Sato for the prologue\n- Mood board made with Midjourney\n');
    let stdout = '';
    const code = await main(['--format', 'summary', '--summary', 'out.md', '.'], { stdout: (s) => (stdout += s), stderr: () => undefined, cwd: dir, now: () => new Date('2026-03-04T10:00:00Z') });
    assert.equal(code, 1);
    assert.match(stdout, /^# GenAI disclosure summary: .*\n\n<!-- genai-review: ignore-file -->\n/);
    assert.match(stdout, /Prepared 2026-03-04/);
    assert.match(stdout, /\| 1 \| notes\.md \| Night shoot \| 3 \| de-age Hana Sato for the prologue \| Talent likeness \| Needs written approval \|/);
    assert.equal(readFileSync(path.join(dir, 'out.md'), 'utf8'), stdout);
  });

  it('exits 0 with --exit-zero, for demos, but still 2 on errors', async () => {
    writeFileSync(path.join(dir, 'notes.md'), '- GenAI: de-age Hana Sato\n');
    assert.equal((await run(['--exit-zero', dir])).code, 0);
    assert.equal((await run(['--exit-zero', path.join(dir, 'missing.md')])).code, 2);
  });
});
