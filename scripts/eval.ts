// `npm run eval -- NOTES.jsonl SCRIPTS_DIR [--check] [--json OUT]`
//
// Builds a small production per screenplay from a labeled set (the format of
// ../shared/eval/dev-notes.jsonl): Fountain notes, action and dialogue go into a copy of the
// screenplay, Markdown notes into a notes file beside it, text notes into a plain-text file.
// Runs the whole analysis on the folder, as the CLI does, and scores it as categories.md says:
// a note is flagged when a Warning or Error lies on its line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATEGORY_IDS, type CategoryId } from '../server/src/core/categories';
import { readFountain } from '../server/src/core/documents/fountain/readFountain';
import { LineIndex } from '../server/src/core/text/lineIndex';
import { CONFIG_FILE_NAME, Production } from '../server/src/core/workspace';
import { toPosix } from '../server/src/node/scan';

interface LabeledNote {
  id: string;
  format: 'fountain-note' | 'fountain-action' | 'fountain-dialogue' | 'markdown' | 'text';
  text: string;
  outcome: 'approval-required' | 'approved' | 'disclose' | 'none';
  categories: CategoryId[];
  also: CategoryId[];
  script: string;
}

interface Placed {
  note: LabeledNote;
  file: string;
  line: number;
}

export interface EvalResult {
  notes: number;
  approvalRequired: number;
  recall: number;
  precision: number;
  categoryF1: number;
  perCategory: Record<string, { hit: number; miss: number; false: number; precision: number; recall: number; f1: number }>;
  noneWithFindings: number;
  wrong: { id: string; text: string; expected: string; got: string }[];
}

function readNotes(file: string): LabeledNote[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as LabeledNote;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not a JSON object: ${(e as Error).message}`);
      }
    });
}

/** Writes the production for one screenplay and returns where each note went (0-based lines). */
function buildProduction(dir: string, scriptText: string, notes: LabeledNote[]): Placed[] {
  const placed: Placed[] = [];
  const lines = scriptText.replace(/\r\n?/g, '\n').split('\n');
  const facts = readFountain(scriptText).script;
  const speaker = facts?.characters[0]?.name ?? 'SPEAKER';
  // Insert after blank lines that follow the first scene heading, round-robin.
  const firstScene = lines.findIndex((l) => /^(INT|EXT|EST|INT\.?\/EXT|I\/E)[. ]/i.test(l.trim()));
  const slots: number[] = [];
  for (let i = Math.max(firstScene, 0) + 1; i < lines.length; i++) if (lines[i].trim() === '' && lines[i - 1].trim() !== '') slots.push(i);
  if (slots.length === 0) slots.push(lines.length);
  const inserts = new Map<number, { block: string[]; note: LabeledNote; offset: number }[]>();
  const scriptNotes = notes.filter((n) => n.format.startsWith('fountain-'));
  scriptNotes.forEach((note, i) => {
    const slot = slots[i % slots.length];
    const block = note.format === 'fountain-note' ? [`[[${note.text}]]`] : note.format === 'fountain-action' ? [note.text] : [speaker, note.text];
    const offset = note.format === 'fountain-dialogue' ? 1 : 0;
    const list = inserts.get(slot) ?? [];
    list.push({ block, note, offset });
    inserts.set(slot, list);
  });
  const out: string[] = [];
  const scriptFile = path.join(dir, 'script.fountain');
  lines.forEach((line, i) => {
    out.push(line);
    for (const item of inserts.get(i) ?? []) {
      out.push(...item.block.map(String));
      placed.push({ note: item.note, file: scriptFile, line: out.length - item.block.length + item.offset });
      out.push('');
    }
  });
  writeFileSync(scriptFile, out.join('\n'));

  const md = ['# Production notes', ''];
  for (const note of notes.filter((n) => n.format === 'markdown')) {
    md.push(`- ${note.text}`);
    placed.push({ note, file: path.join(dir, 'notes.md'), line: md.length - 1 });
  }
  writeFileSync(path.join(dir, 'notes.md'), md.join('\n') + '\n');

  const txt: string[] = [];
  for (const note of notes.filter((n) => n.format === 'text')) {
    txt.push(note.text);
    placed.push({ note, file: path.join(dir, 'notes.txt'), line: txt.length - 1 });
    txt.push('');
  }
  writeFileSync(path.join(dir, 'notes.txt'), txt.join('\n'));
  return placed;
}

export function evaluate(notesFile: string, scriptsDir: string): EvalResult {
  const notes = readNotes(notesFile);
  const work = mkdtempSync(path.join(os.tmpdir(), 'genai-eval-'));
  try {
    const production = new Production();
    const placed: Placed[] = [];
    for (const script of [...new Set(notes.map((n) => n.script))]) {
      const scriptPath = path.join(scriptsDir, `${script}.fountain`);
      if (!existsSync(scriptPath)) throw new Error(`${notesFile}: script "${script}" not found at ${scriptPath}`);
      const dir = path.join(work, script);
      mkdirSync(dir);
      const sideConfig = path.join(scriptsDir, `${script}.genai-review.json`);
      if (existsSync(sideConfig)) writeFileSync(path.join(dir, CONFIG_FILE_NAME), readFileSync(sideConfig));
      placed.push(...buildProduction(dir, readFileSync(scriptPath, 'utf8'), notes.filter((n) => n.script === script)));
      for (const f of ['script.fountain', 'notes.md', 'notes.txt', CONFIG_FILE_NAME]) {
        const full = path.join(dir, f);
        if (existsSync(full)) production.setFile(toPosix(full), readFileSync(full, 'utf8'));
      }
    }
    return score(production, placed);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function score(production: Production, placed: Placed[]): EvalResult {
  const byFile = new Map<string, { line: number; severity: string; categories: CategoryId[]; outcome: string }[]>();
  for (const file of production.paths()) {
    const text = production.document(file)!.text;
    const index = new LineIndex(text);
    byFile.set(
      file,
      production.analyze(file).map((f) => ({ line: index.positionAt(f.span.start).line, severity: f.severity, categories: f.categories, outcome: f.outcome })),
    );
  }
  const perCategory = Object.fromEntries(CATEGORY_IDS.map((c) => [c, { hit: 0, miss: 0, false: 0, precision: 0, recall: 0, f1: 0 }]));
  let ar = 0;
  let flaggedAr = 0;
  let flagged = 0;
  let noneWithFindings = 0;
  const wrong: EvalResult['wrong'] = [];
  for (const { note, file, line } of placed) {
    const here = (byFile.get(toPosix(file)) ?? []).filter((f) => f.line === line);
    const warn = here.filter((f) => f.severity === 'warning' || f.severity === 'error');
    const isFlagged = warn.length > 0;
    const got = here.length === 0 ? 'none' : `${here.map((f) => f.outcome).join('+')}[${[...new Set(here.flatMap((f) => f.categories))].join(',')}]`;
    const expected = `${note.outcome}[${note.categories.join(',')}]`;
    if (isFlagged) flagged++;
    if (note.outcome === 'approval-required') {
      ar++;
      if (isFlagged) {
        flaggedAr++;
        const predicted = new Set(warn.flatMap((f) => f.categories));
        let bad = false;
        for (const c of note.categories) {
          if (predicted.has(c)) perCategory[c].hit++;
          else {
            perCategory[c].miss++;
            bad = true;
          }
        }
        for (const c of predicted) {
          if (note.categories.includes(c) || note.also.includes(c)) continue;
          perCategory[c].false++;
          bad = true;
        }
        if (bad) wrong.push({ id: note.id, text: note.text, expected, got });
      } else wrong.push({ id: note.id, text: note.text, expected, got });
    } else if (note.outcome === 'none') {
      if (here.length > 0) {
        noneWithFindings++;
        wrong.push({ id: note.id, text: note.text, expected, got });
      }
    } else if (isFlagged || here.length === 0 || here[0].outcome !== note.outcome) {
      wrong.push({ id: note.id, text: note.text, expected, got });
    }
  }
  let hits = 0;
  let misses = 0;
  let falses = 0;
  for (const c of Object.values(perCategory)) {
    c.precision = c.hit + c.false === 0 ? 1 : c.hit / (c.hit + c.false);
    c.recall = c.hit + c.miss === 0 ? 1 : c.hit / (c.hit + c.miss);
    c.f1 = c.precision + c.recall === 0 ? 0 : (2 * c.precision * c.recall) / (c.precision + c.recall);
    hits += c.hit;
    misses += c.miss;
    falses += c.false;
  }
  return {
    notes: placed.length,
    approvalRequired: ar,
    recall: ar === 0 ? 1 : flaggedAr / ar,
    precision: flagged === 0 ? 1 : flaggedAr / flagged,
    categoryF1: hits === 0 ? 0 : (2 * hits) / (2 * hits + misses + falses),
    perCategory,
    noneWithFindings,
    wrong,
  };
}

export const THRESHOLDS = { recall: 0.95, precision: 0.95, categoryF1: 0.9 };

export function report(r: EvalResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const out = [
    `notes: ${r.notes} (approval-required: ${r.approvalRequired})`,
    `approval-required recall ${pct(r.recall)}  precision ${pct(r.precision)}  category F1 ${pct(r.categoryF1)}  findings on none notes: ${r.noneWithFindings}`,
    '',
    'category              hit miss false  precision  recall     F1',
    ...Object.entries(r.perCategory).map(([c, s]) => `${c.padEnd(20)} ${String(s.hit).padStart(4)} ${String(s.miss).padStart(4)} ${String(s.false).padStart(5)}  ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)}`),
  ];
  if (r.wrong.length > 0) {
    out.push('', `wrong (${r.wrong.length}):`);
    for (const w of r.wrong) out.push(`  ${w.id}  expected ${w.expected}  got ${w.got}\n      ${w.text}`);
  }
  return out.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const positional = args.filter((a) => !a.startsWith('--'));
  if (positional.length !== 2) {
    console.error('usage: npm run eval -- NOTES.jsonl SCRIPTS_DIR [--check]');
    process.exit(2);
  }
  const result = evaluate(positional[0], positional[1]);
  console.log(report(result));
  if (args.includes('--check')) {
    const failures = [
      result.recall < THRESHOLDS.recall && `recall ${result.recall.toFixed(3)} < ${THRESHOLDS.recall}`,
      result.precision < THRESHOLDS.precision && `precision ${result.precision.toFixed(3)} < ${THRESHOLDS.precision}`,
      result.categoryF1 < THRESHOLDS.categoryF1 && `category F1 ${result.categoryF1.toFixed(3)} < ${THRESHOLDS.categoryF1}`,
      result.noneWithFindings > 0 && `${result.noneWithFindings} finding(s) on notes that are not AI uses`,
    ].filter(Boolean);
    if (failures.length > 0) {
      console.error(`\neval failed: ${failures.join('; ')}`);
      process.exit(1);
    }
  }
}
