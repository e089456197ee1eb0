// `npm run bench`: how fast the review is where a writer feels it, against issue 6's targets, and
// beside the prose linters people already run. Prints the machine and a table, and writes
// bench/results.json (the README's Performance section shows the latest run). Timings live
// here, never in tests: this is not part of `npm test`.
//
// Everything runs on this machine: the real `dist/server.js --stdio` and `dist/cli.js`, and the
// alex, write-good and textlint CLIs from node_modules.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFountain } from '../server/src/core/documents/fountain/parseFountain';
import { Production } from '../server/src/core/workspace';
import { BenchClient, type Edit } from './lspClient';
import { FEATURE_NOTES, featureScript, REPO_ROOT, writeWorkspace } from './featureScript';

const QUICK = process.argv.includes('--quick'); // fewer repetitions, for trying the bench itself
const reps = (n: number) => (QUICK ? Math.max(3, Math.ceil(n / 10)) : n);

interface Stats {
  runs: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
}

function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles: p99 of 300 runs is the third-slowest.
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { runs: s.length, median: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] };
}

interface Row {
  case: string;
  unit: 'ms' | 's' | 'MB' | '×';
  value: number;
  /** What `value` is: median, p99, peak… */
  measure: string;
  detail?: string;
  target?: string;
  met?: boolean;
}

const rows: Row[] = [];
const raw: Record<string, unknown> = {};

function row(r: Row): void {
  rows.push(r);
  const shown = r.unit === 's' ? r.value.toFixed(2) : r.unit === '×' ? r.value.toFixed(1) : r.value < 10 ? r.value.toFixed(2) : r.value.toFixed(0);
  const verdict = r.met === undefined ? '' : r.met ? '  ok' : '  MISSED';
  console.log(`  ${r.case.padEnd(46)} ${r.measure.padEnd(7)} ${(shown + ' ' + r.unit).padStart(11)}   ${(r.target ?? '').padEnd(10)}${verdict}${r.detail ? `   (${r.detail})` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// The material

const work = mkdtempSync(path.join(os.tmpdir(), 'genai-review-bench-'));
const feature = featureScript();
const featurePath = path.join(work, 'feature', 'feature.fountain');
writeFileSync(ensureDir(featurePath), feature);
// The prose linters read text files; the same script, with the extension they know.
const featureTxt = path.join(work, 'prose', 'feature.txt');
writeFileSync(ensureDir(featureTxt), feature);

function ensureDir(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Full analysis, in process

function fullAnalysis(): void {
  const p = '/bench/feature.fountain';
  const once = () => {
    const production = new Production();
    production.setFile(p, feature);
    return production.analyze(p);
  };
  const findings = once(); // loads compromise and fills the classifier's cache: "warm" from here
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.outcome] = (counts[f.outcome] ?? 0) + 1;
  raw.featureScript = { bytes: Buffer.byteLength(feature), utf16Length: feature.length, aiNotes: FEATURE_NOTES.length, findings: counts };
  console.log(`Feature script: ${(Buffer.byteLength(feature) / 1024).toFixed(0)} KB, ${FEATURE_NOTES.length} notes written for it; findings: ${JSON.stringify(counts)}\n`);
  for (let i = 0; i < 20; i++) once();
  const samples: number[] = [];
  for (let i = 0; i < reps(200); i++) {
    const t0 = performance.now();
    once();
    samples.push(performance.now() - t0);
  }
  const s = stats(samples);
  raw.fullAnalysis = s;
  row({ case: 'Full analysis of the feature script, warm', unit: 'ms', value: s.median, measure: 'median' });
  row({ case: 'Full analysis of the feature script, warm', unit: 'ms', value: s.p95, measure: 'p95' });
}

// ---------------------------------------------------------------------------------------------
// Edits through the real server

const parsed = parseFountain(feature);
const middle = feature.length / 2;

/** Offset just past the first action line after the middle of the script. */
function actionOffset(): number {
  const action = parsed.elements.find((e) => e.type === 'action' && e.span.start > middle && !e.text.includes('\n'))!;
  return action.span.end;
}

/** Where the text of the `n`-th AI note of `text` ends (before its `]]`), counting from the first after the middle. */
function noteTextEnd(text: string, n: number): number {
  const notes = parseFountain(text).regions.filter((r) => r.kind === 'note' && /^(Gen)?AI/.test(text.slice(r.textSpan.start, r.textSpan.end)));
  const first = notes.findIndex((r) => r.span.start > text.length / 2);
  return notes[(first + n) % notes.length].textSpan.end;
}

/** Keystrokes typed into one note before moving to the next: notes stay the length writers give them. */
const KEYSTROKES_PER_NOTE = 25;

/** Scenes of the middle half of the script: heading start to the next heading's start. */
function middleScenes(): { start: number; end: number }[] {
  const headings = parsed.elements.filter((e) => e.type === 'scene-heading').map((e) => e.span.start);
  const scenes: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < headings.length; i++) {
    if (headings[i] > feature.length / 4 && headings[i + 1] < (feature.length * 3) / 4) scenes.push({ start: headings[i], end: headings[i + 1] });
  }
  return scenes;
}

const TYPED = ' and then she turns back to the door before the lights go out for good';

interface EditCase {
  name: string;
  runs: number;
  /** The measured edit of run `i`, and an unmeasured one that restores the text (if any). */
  edit(client: BenchClient, uri: string, i: number): { measured: Edit; restore?: Edit };
}

function editCases(): EditCase[] {
  return [
    {
      name: 'keystroke in action',
      runs: 300,
      edit: (_c, _u, i) => ({ measured: { start: state.action + i, end: state.action + i, text: TYPED[i % TYPED.length] } }),
    },
    {
      name: 'keystroke in a note',
      runs: 300,
      // Each keystroke makes a note text never seen before: the classifier reads it afresh. After
      // a few words the writer moves on to the next note.
      edit: (c, u, i) => {
        const typed = i % KEYSTROKES_PER_NOTE;
        if (typed === 0) state.note = noteTextEnd(c.text(u), i / KEYSTROKES_PER_NOTE);
        return { measured: { start: state.note + typed, end: state.note + typed, text: TYPED[typed] } };
      },
    },
    {
      name: 'paste a new note',
      runs: 100,
      edit: (c, u, i) => {
        const text = c.text(u);
        const gap = text.indexOf('\n\n', text.length / 3 + i * 97) + 1;
        const note = `[[GenAI: generate a younger Kate for flashback shot ${i + 1}A, final comp]]\n\n`;
        return { measured: { start: gap, end: gap, text: note }, restore: { start: gap, end: gap + note.length, text: '' } };
      },
    },
    {
      name: 'delete a scene',
      runs: 100,
      edit: (c, u, i) => {
        const text = c.text(u);
        const scene = state.scenes[i % state.scenes.length];
        const removed = text.slice(scene.start, scene.end);
        return { measured: { start: scene.start, end: scene.end, text: '' }, restore: { start: scene.start, end: scene.start, text: removed } };
      },
    },
  ];
}

/** Offsets of the edits, adjusted as typing moves text (recomputed per server run). */
const state = { action: 0, note: 0, scenes: [] as { start: number; end: number }[] };

async function editsThroughServer(pull: boolean): Promise<void> {
  const mode = pull ? 'pull' : 'push';
  const { client } = await BenchClient.start(path.dirname(featurePath), pull);
  const results: Record<string, Stats> = {};
  // Each case runs on a fresh copy of the script (a document of its own), so that one case's
  // typing does not move another's.
  let uri: string | undefined;
  for (const [n, c] of editCases().entries()) {
    if (uri) await client.close(uri);
    uri = await client.open(`case-${n}.fountain`, feature);
    await client.diagnostics(uri);
    state.action = actionOffset();
    state.scenes = middleScenes();
    const warmup = 20;
    const runs = reps(c.runs);
    const samples: number[] = [];
    let cpuBefore = 0;
    let edits = 0;
    for (let i = 0; i < warmup + runs; i++) {
      if (i === warmup) cpuBefore = client.cpuMs() ?? NaN;
      const { measured, restore } = c.edit(client, uri, i);
      const { ms } = await client.timeEdit(uri, measured);
      if (i >= warmup) samples.push(ms);
      if (restore) await client.timeEdit(uri, restore);
      if (i >= warmup) edits += restore ? 2 : 1;
    }
    const cpuPerEdit = ((client.cpuMs() ?? NaN) - cpuBefore) / edits;
    const s = stats(samples);
    results[c.name] = s;
    results[`${c.name}: server CPU per edit`] = { runs: edits, median: cpuPerEdit, p95: cpuPerEdit, p99: cpuPerEdit, max: cpuPerEdit };
    row({ case: `Edit → diagnostics (${mode}): ${c.name}`, unit: 'ms', value: s.median, measure: 'median', target: '≤ 2 ms', met: s.median <= 2, detail: `server CPU ${cpuPerEdit.toFixed(2)} ms per edit` });
    row({ case: `Edit → diagnostics (${mode}): ${c.name}`, unit: 'ms', value: s.p99, measure: 'p99', target: '≤ 10 ms', met: s.p99 <= 10 });
  }

  // Open → first diagnostics on the warm server: a new document (another file) each time.
  const opens: number[] = [];
  for (let i = 0; i < reps(30); i++) {
    const name = `opened-${i}.fountain`;
    const t0 = performance.now();
    const opened = await client.open(name, feature.replace('[[GenAI:', `[[GenAI (copy ${i}):`));
    await client.diagnostics(opened);
    opens.push(performance.now() - t0);
    await client.close(opened);
  }
  const o = stats(opens);
  results['open → first diagnostics'] = o;
  row({ case: `Open → first diagnostics, warm (${mode})`, unit: 'ms', value: o.median, measure: 'median', target: '≤ 50 ms', met: o.median <= 50 });

  if (uri) await client.close(uri);
  const memory = client.memory();
  if (memory) {
    results.memory = { runs: 1, median: memory.peakMB, p95: memory.peakMB, p99: memory.peakMB, max: memory.peakMB };
    row({ case: `Server memory after the runs above (${mode})`, unit: 'MB', value: memory.peakMB, measure: 'peak', target: '≤ 150 MB', met: memory.peakMB <= 150, detail: `RSS now ${memory.rssMB.toFixed(0)} MB` });
  }
  raw[`server-${mode}`] = results;
  await client.stop();
}

// ---------------------------------------------------------------------------------------------
// Cold start

async function coldStart(): Promise<void> {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps(15); i++) {
    const { client, startedAt } = await BenchClient.start(path.dirname(featurePath), true);
    const uri = await client.open(path.basename(featurePath), feature);
    await client.diagnostics(uri);
    samples.push(performance.now() - startedAt);
    cpu.push(client.cpuMs() ?? NaN);
    await client.stop();
  }
  const node = await timeCommand([process.execPath, '-e', '0'], reps(15));
  const s = stats(samples);
  const c = stats(cpu);
  raw.coldStart = { server: s, serverCpu: c, nodeStartup: node.time, nodeStartupCpu: node.cpu };
  row({
    case: 'Server start → first diagnostics, cold',
    unit: 'ms',
    value: s.median,
    measure: 'median',
    target: '≤ 400 ms',
    met: s.median <= 400,
    detail: `server CPU ${c.median.toFixed(0)} ms; node -e 0 alone: ${node.time.median.toFixed(0)} ms, CPU ${node.cpu.median.toFixed(0)} ms`,
  });
}

// ---------------------------------------------------------------------------------------------
// Command-line runs, ours and the prose linters'

interface CommandTiming {
  time: Stats;
  /** CPU time (user + system) per run: what the run costs whatever else the machine is doing. */
  cpu: Stats;
  peakMB: number;
  exitCodes: number[];
}

/**
 * Runs `command` `runs` times (plus one unmeasured, to warm the disk cache); wall time and peak
 * memory. Linters exit non-zero when they find something (write-good exits with the count), so
 * any exit code passes when `anyExit`; ours must exit 0 or 1.
 */
async function timeCommand(command: string[], runs: number, cwd = work, anyExit = false): Promise<CommandTiming> {
  const rssFile = path.join(work, 'rss.txt');
  const times: number[] = [];
  const cpu: number[] = [];
  const exitCodes: number[] = [];
  let peak = 0;
  for (let i = 0; i <= runs; i++) {
    rmSync(rssFile, { force: true });
    const [program, ...args] = command;
    const isNode = program === process.execPath;
    const argv = isNode ? ['--require', path.join(REPO_ROOT, 'bench/maxrss.cjs'), ...args] : args;
    const t0 = performance.now();
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(program, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('exit', (c) => (c === null || (c > 1 && !anyExit) ? reject(new Error(`${command.join(' ')} failed (${c}): ${stderr.slice(0, 2000)}`)) : resolve(c)));
    });
    const ms = performance.now() - t0;
    if (i === 0) continue;
    times.push(ms);
    exitCodes.push(code);
    if (existsSync(rssFile)) {
      // One line per Node process the command ran: peak KB and CPU ms.
      const lines = readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
      peak = Math.max(peak, ...lines.map(([kb]) => kb));
      cpu.push(lines.reduce((sum, [, ms]) => sum + ms, 0));
    }
  }
  return { time: stats(times), cpu: stats(cpu.length > 0 ? cpu : [NaN]), peakMB: peak / 1024, exitCodes };
}

const bin = (name: string, file: string) => path.join(REPO_ROOT, 'node_modules', name, file);

async function commandLine(): Promise<void> {
  const cli = path.join(REPO_ROOT, 'dist/cli.js');
  const ours = await timeCommand([process.execPath, cli, featurePath, '--exit-zero'], reps(10));
  row({ case: 'CLI on the feature script', unit: 'ms', value: ours.time.median, measure: 'median', detail: `peak ${ours.peakMB.toFixed(0)} MB, CPU ${ours.cpu.median.toFixed(0)} ms` });

  const textlintConfig = path.join(work, 'textlintrc.json');
  writeFileSync(textlintConfig, JSON.stringify({ rules: { 'write-good': true } }));
  const others: [string, string[]][] = [
    ['alex', [process.execPath, bin('alex', 'cli.js'), featureTxt]],
    ['write-good', [process.execPath, bin('write-good', 'bin/write-good.js'), featureTxt]],
    ['textlint (textlint-rule-write-good)', [process.execPath, bin('textlint', 'bin/textlint.js'), '--config', textlintConfig, featureTxt]],
  ];
  const theirs: Record<string, CommandTiming> = {};
  for (const [name, command] of others) {
    const t = await timeCommand(command, reps(name === 'alex' ? 5 : 10), REPO_ROOT, true);
    theirs[name] = t;
    const ratio = t.time.median / ours.time.median;
    const target = name === 'alex' ? '≥ 20×' : name.startsWith('textlint') ? '> 1×' : undefined;
    const met = name === 'alex' ? ratio >= 20 : name.startsWith('textlint') ? ratio > 1 : undefined;
    row({ case: `${name} on the same script`, unit: 'ms', value: t.time.median, measure: 'median', detail: `peak ${t.peakMB.toFixed(0)} MB, CPU ${t.cpu.median.toFixed(0)} ms` });
    row({ case: `  ${name} time ÷ ours`, unit: '×', value: ratio, measure: 'ratio', target, met });
  }

  // A generated production of 1,000 files.
  const workspace = path.join(work, 'workspace');
  writeWorkspace(workspace, 1000);
  const big = await timeCommand([process.execPath, cli, workspace, '--exit-zero'], reps(5));
  row({ case: 'CLI on a 1,000-file workspace', unit: 's', value: big.time.median / 1000, measure: 'median', target: '≤ 10 s', met: big.time.median <= 10_000, detail: `peak ${big.peakMB.toFixed(0)} MB, CPU ${(big.cpu.median / 1000).toFixed(1)} s` });
  raw.cli = { feature: ours, workspace1000: big, others: theirs, textlintRules: ['textlint-rule-write-good'] };
}

// ---------------------------------------------------------------------------------------------

/** Puts the table of this run between the README's bench markers. */
function writeReadmeTable(date: string, machine: { cpus: number; cpuModel: string; node: string; loadBefore: number; loadAfter: number }): void {
  const readmePath = path.join(REPO_ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const open = '<!-- bench:start -->';
  const close = '<!-- bench:end -->';
  const from = readme.indexOf(open);
  const to = readme.indexOf(close);
  if (from < 0 || to < from) return;
  const cell = (r: Row) => (r.unit === 's' ? `${r.value.toFixed(2)} s` : r.unit === '×' ? `${r.value.toFixed(1)}×` : `${r.value < 10 ? r.value.toFixed(2) : r.value.toFixed(0)} ${r.unit}`);
  const lines = [
    open,
    `Latest run: ${date.slice(0, 10)}, ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadBefore.toFixed(1)} before and ${machine.loadAfter.toFixed(1)} after.`,
    '',
    '| case | measure | value | target | |',
    '|---|---|---:|---|---|',
    ...rows.map((r) => `| ${r.case.trim()}${r.detail ? ` (${r.detail})` : ''} | ${r.measure} | ${cell(r)} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : '**missed**'} |`),
    close,
  ];
  writeFileSync(readmePath, readme.slice(0, from) + lines.join('\n') + readme.slice(to + close.length));
}

async function main(): Promise<void> {
  if (!existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/ is missing: `npm run bench` builds it first (node esbuild.mjs)');
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    /** Other work on the machine skews timings: the load average before and after the run. */
    loadBefore: os.loadavg()[0],
    loadAfter: 0,
  };
  console.log(`Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadBefore.toFixed(1)}${QUICK ? ' — QUICK run' : ''}\n`);
  console.log(`  ${'case'.padEnd(46)} ${'measure'.padEnd(7)} ${'value'.padStart(11)}   target`);
  fullAnalysis();
  await editsThroughServer(true);
  await editsThroughServer(false);
  await coldStart();
  await commandLine();
  machine.loadAfter = os.loadavg()[0];
  console.log(`\nLoad average after the run: ${machine.loadAfter.toFixed(1)} (on ${machine.cpus} cores)`);
  const missed = rows.filter((r) => r.met === false);
  console.log(`\n${rows.filter((r) => r.met !== undefined).length - missed.length} targets met, ${missed.length} missed.`);
  if (!QUICK) {
    const date = new Date().toISOString();
    writeFileSync(path.join(REPO_ROOT, 'bench/results.json'), JSON.stringify({ date, machine, rows, raw }, null, 2) + '\n');
    writeReadmeTable(date, machine);
    console.log('Wrote bench/results.json and the table in README.md');
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
