import { strict as assert } from 'node:assert';
import { analyzeDocument } from '../analysis';
import { mergeConfig } from '../config/parseConfig';
import { readDocument } from '../documents';
import { readFountain } from '../documents/fountain/readFountain';
import { TEST_SCRIPT } from '../rules/testing';
import { catalogText, renderSummaryMarkdown } from './renderSummary';
import { buildSummary, type SummaryFile } from './summary';

const config = mergeConfig();
const NOW = new Date(2026, 10, 22, 9, 30);

function fountainFile(path: string, text: string): SummaryFile {
  const doc = readFountain(text);
  return { path, doc, findings: analyzeDocument(doc, { config }) };
}

const SCRIPT = `${TEST_SCRIPT}
INT. OBSERVATORY - DOME - LATER

[[GenAI: de-age Hana Sato for the prologue]]

ROSA
One more.

[[GenAI: mood board of observatories for the art department]]

[[GenAI: voice clone of Pedro Alves for the pickups. Approval: NFX-GAI-0402]]

[[AI: generate a poster in the style of Studio Ghibli | the A|B version]]

/*
[[GenAI: paste the whole script into ChatGPT free tier for coverage]]
*/
`;

/** 1-based line where `needle` starts in SCRIPT. */
function lineOf(needle: string): number {
  return SCRIPT.slice(0, SCRIPT.indexOf(needle)).split('\n').length;
}

/** Cells of a Markdown table row, splitting on pipes that are not escaped. */
function cells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/);
}

describe('disclosure summary', () => {
  it('lists every use with its file, scene, line, categories, outcome and approval', () => {
    const s = buildSummary([fountainFile('scripts/clear-skies.fountain', SCRIPT)], { now: NOW });
    assert.equal(s.title, 'Clear Skies');
    assert.equal(s.date, '2026-11-22');
    assert.deepEqual(
      s.uses.map((u) => [u.id, u.line, u.context, u.outcome, u.categories.join(','), u.approval]),
      [
        [1, lineOf('[[GenAI: de-age'), 'INT. OBSERVATORY - DOME - LATER', 'approval-required', 'talent-likeness', null],
        [2, lineOf('[[GenAI: mood'), 'INT. OBSERVATORY - DOME - LATER', 'disclose', '', null],
        [3, lineOf('[[GenAI: voice'), 'INT. OBSERVATORY - DOME - LATER', 'approved', 'talent-likeness', 'NFX-GAI-0402'],
        [4, lineOf('[[AI: generate'), 'INT. OBSERVATORY - DOME - LATER', 'approval-required', 'third-party-ip', null],
        [5, lineOf('/*'), 'INT. OBSERVATORY - DOME - LATER', 'approval-required', 'data-handling', null],
      ],
    );
    assert.equal(s.uses[0].what, 'de-age Hana Sato for the prologue');
    assert.deepEqual(s.counts.byOutcome, { 'approval-required': 3, approved: 1, disclose: 1 });
    assert.deepEqual(s.counts.byCategory, {
      'talent-likeness': { uses: 2, approvalRequired: 1 },
      'third-party-ip': { uses: 1, approvalRequired: 1 },
      'data-handling': { uses: 1, approvalRequired: 1 },
    });
    assert.deepEqual(s.needsApproval.map((i) => [i.use, i.steps.map((x) => x.category)]), [
      [1, ['talent-likeness']],
      [4, ['third-party-ip']],
      [5, ['data-handling']],
    ]);
    assert.equal(s.needsApproval[0].steps[0].approvalArea, 'Talent and performance');
    const p5 = s.principles.find((p) => p.id === 'P5')!;
    assert.deepEqual(p5.uses, [1, 3]);
    assert.equal(s.principles.length, 5);
  });

  it('shows a boneyard note by its words, and the rules\' own Markdown (code spans) as written', () => {
    const s = buildSummary([fountainFile('a.fountain', SCRIPT)], { now: NOW });
    const kept = s.uses.find((u) => u.what.includes('ChatGPT'))!;
    assert.equal(kept.what, 'paste the whole script into ChatGPT free tier for coverage');
    const md = renderSummaryMarkdown(s);
    for (const item of s.needsApproval) for (const step of item.steps) assert.ok(md.includes(catalogText(step.nextSteps)), step.category);
    assert.ok(md.includes('`clearedTools`'), 'the data-handling next steps keep their code span');
  });

  it('takes the title from config over the title page, and a fallback when neither has one', () => {
    const file = fountainFile('a.fountain', SCRIPT);
    assert.equal(buildSummary([file], { now: NOW, title: 'The Night Ferry' }).title, 'The Night Ferry');
    const untitled = fountainFile('b.fountain', '[[GenAI: mood board]]\n');
    assert.equal(buildSummary([untitled], { now: NOW, fallbackTitle: 'ferry-folder' }).title, 'ferry-folder');
    assert.equal(buildSummary([untitled], { now: NOW }).title, 'Untitled production');
  });

  it('renders valid Markdown: every table row has as many cells as its header, pipes escaped', () => {
    const md = renderSummaryMarkdown(buildSummary([fountainFile('scripts/clear_skies|v2.fountain', SCRIPT)], { now: NOW }));
    const lines = md.split('\n');
    let header: number | undefined;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      const n = cells(line).length;
      if (header === undefined) header = n;
      else assert.equal(n, header, `row has ${n} cells, header ${header}: ${line}`);
    }
    assert.ok(md.includes('poster in the style of Studio Ghibli \\| the A\\|B version'), 'pipes in a note are escaped');
    assert.ok(md.includes('clear\\_skies\\|v2.fountain'), 'file names are escaped');
    assert.match(md, /^# GenAI disclosure summary: Clear Skies\n\n<!-- genai-review: ignore-file -->\n/);
    assert.match(md, /\| Needs written approval \| 3 \|/);
    assert.ok(md.includes(`## Needs written approval before proceeding\n\n- **Use 1**, scripts/clear\\_skies\\|v2.fountain, line ${lineOf('[[GenAI: de-age')} (INT. OBSERVATORY - DOME - LATER): de-age Hana Sato for the prologue\n  - *Talent likeness* (approval area: Talent and performance): Get the performer's documented consent`), md);
    assert.match(md, /### P5\. No replacement of performances or union work without consent\n\n.*\n\n- Use 1, .*\n- Use 3, /);
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });

  it('is never read as production notes itself, saved beside them', () => {
    const md = renderSummaryMarkdown(buildSummary([fountainFile('a.fountain', SCRIPT)], { now: NOW }));
    assert.deepEqual(analyzeDocument(readDocument('markdown', md), { config }), []);
    // Without the directive its rows would read as uses again.
    const without = md.replace('<!-- genai-review: ignore-file -->', '');
    assert.ok(analyzeDocument(readDocument('markdown', without), { config }).length > 0);
  });

  it('says so when nothing is open and no use is noted', () => {
    const md = renderSummaryMarkdown(buildSummary([fountainFile('a.fountain', TEST_SCRIPT)], { now: NOW }));
    assert.match(md, /No AI use is noted in the production\./);
    assert.match(md, /Nothing is open: every use that needs written approval cites a reference\./);
    assert.match(md, /\| \*\*Total\*\* \| \*\*0\*\* \|/);
  });

  it('keeps a use\'s text on one line, marker removed, and never lets it open HTML', () => {
    const s = buildSummary([fountainFile('a.fountain', `${TEST_SCRIPT}\n[[GenAI: de-age Hana Sato\nfor the <b>prologue</b>]]\n`)], { now: NOW });
    assert.equal(s.uses[0].what, 'de-age Hana Sato for the <b>prologue</b>');
    const md = renderSummaryMarkdown(s);
    assert.ok(md.includes('for the \\<b\\>prologue\\</b\\>'));
  });
});
