import { strict as assert } from 'node:assert';
import { analyzeDocument, type ScriptContext } from '../analysis';
import { mergeConfig } from '../config/parseConfig';
import { readDocument } from '../documents';
import type { Finding } from '../findings';
import { TEST_SCRIPT } from '../rules/testing';
import type { DocumentKind } from '../types';
import { fixesFor, fixFor, type FixKind, type Insertion } from './fixes';
import { plainText, snippetText, field } from './template';

const config = mergeConfig();
const script: ScriptContext = { facts: readDocument('fountain', TEST_SCRIPT).script!, path: '/prod/clear-skies.fountain' };

function analyze(kind: DocumentKind, text: string): Finding[] {
  return analyzeDocument(readDocument(kind, text), { config, script: kind === 'fountain' ? undefined : script });
}

function apply(text: string, insertion: Insertion, replacement = insertion.text): string {
  return text.slice(0, insertion.offset) + replacement + text.slice(insertion.offset);
}

function findingOf(kind: DocumentKind, text: string, needle: string): Finding {
  const f = analyze(kind, text).find((x) => x.note.text.includes(needle));
  assert.ok(f, `a finding on "${needle}"`);
  return f;
}

function fixOf(kind: DocumentKind, text: string, needle: string, fix: FixKind) {
  const doc = readDocument(kind, text);
  const found = fixFor(doc, findingOf(kind, text, needle), fix);
  assert.ok(found, `${fix} offered on "${needle}"`);
  return found;
}

/** Outcome of each note holding one of the needles, after the text changed. */
function outcomes(kind: DocumentKind, text: string, needles: string[]): (string | undefined)[] {
  const findings = analyze(kind, text);
  return needles.map((n) => findings.find((f) => f.note.text.includes(n))?.outcome);
}

const FOUNTAIN = `${TEST_SCRIPT}
[[GenAI: generate the dragon creature for the finale]]

Rosa walks in. [[GenAI: de-age Hana Sato]] She sits.

ROSA
Tea?
`;

const MARKDOWN = `# Production notes

## Market scene

- GenAI: AI crowd replacing extras in the market
- Buy more lenses

GenAI: de-age Hana Sato for the prologue

| Scene | Note |
|---|---|
| 12 | GenAI: voice clone of Pedro Alves |
| 13 | Lens test |

<!-- GenAI: generate the dragon creature for the finale -->
Camera tests on Friday.
`;

const PLAINTEXT = `Market scene
GenAI: AI crowd replacing extras in the market
More lenses.

GenAI: de-age Hana Sato for the prologue
`;

const CASES: { kind: DocumentKind; text: string; needles: string[] }[] = [
  { kind: 'fountain', text: FOUNTAIN, needles: ['dragon', 'Hana Sato'] },
  { kind: 'markdown', text: MARKDOWN, needles: ['crowd', 'Hana Sato', 'Pedro Alves', 'dragon'] },
  { kind: 'plaintext', text: PLAINTEXT, needles: ['crowd', 'Hana Sato'] },
];

describe('quick-fix insertions', () => {
  for (const { kind, text, needles } of CASES) {
    describe(kind, () => {
      for (const needle of needles) {
        it(`stub after "${needle}": a record the analysis reads, approved once the reference is typed, offered once`, () => {
          const before = outcomes(kind, text, needles);
          const fix = fixOf(kind, text, needle, 'disclosure-stub');
          const after = apply(text, fix.insertion);
          assert.deepEqual(outcomes(kind, after, needles), before, 'the record is no use of its own and changes nothing else');
          assert.equal(analyze(kind, after).length, analyze(kind, text).length);
          assert.equal(fixFor(readDocument(kind, after), findingOf(kind, after, needle), 'disclosure-stub'), undefined, 'not offered twice');
          const approved = after.replace('Approval: PENDING', 'Approval: NFX-GAI-0142');
          assert.equal(findingOf(kind, approved, needle).outcome, 'approved');
          assert.equal(findingOf(kind, approved, needle).approval, 'NFX-GAI-0142');
        });

        it(`approval placeholder in "${needle}": named as not yet a reference, approved once filled in, offered once`, () => {
          const fix = fixOf(kind, text, needle, 'approval-placeholder');
          const after = apply(text, fix.insertion);
          const f = findingOf(kind, after, needle);
          assert.equal(f.outcome, 'approval-required');
          assert.match(f.message, /"Approval: PENDING" is not a reference/);
          assert.equal(fixFor(readDocument(kind, after), f, 'approval-placeholder'), undefined);
          assert.equal(findingOf(kind, after.replace('PENDING', 'NFX-GAI-0007'), needle).outcome, 'approved');
        });

        it(`suppressing "${needle}" removes that finding only`, () => {
          const doc = readDocument(kind, text);
          const fix = fixFor(doc, findingOf(kind, text, needle), 'suppress');
          if (kind === 'markdown' && needle === 'Pedro Alves') {
            assert.equal(fix, undefined, 'a line between table rows would cut the table');
            return;
          }
          assert.ok(fix);
          const after = apply(text, fix.insertion);
          const expected = outcomes(kind, text, needles).map((o, i) => (needles[i] === needle ? undefined : o));
          assert.deepEqual(outcomes(kind, after, needles), expected);
        });
      }
    });
  }

  it('marks a use temporary only where that resolves it, and only once', () => {
    const fix = fixOf('fountain', FOUNTAIN, 'dragon', 'mark-temporary');
    assert.equal(fix.insertion.text, '. Temp only, not for the final cut.');
    const after = apply(FOUNTAIN, fix.insertion);
    assert.ok(after.includes('[[GenAI: generate the dragon creature for the finale. Temp only, not for the final cut.]]'));
    const f = findingOf('fountain', after, 'dragon');
    assert.equal(f.outcome, 'disclose');
    assert.equal(fixFor(readDocument('fountain', after), f, 'mark-temporary'), undefined);
    // A temporary de-ageing is still a real person's likeness: no mark offered.
    assert.equal(fixFor(readDocument('fountain', FOUNTAIN), findingOf('fountain', FOUNTAIN, 'Hana Sato'), 'mark-temporary'), undefined);
    // "final comp" says the writer means the final cut.
    const final = `${TEST_SCRIPT}\n[[GenAI: generate the dragon creature, final comp]]\n`;
    assert.equal(fixFor(readDocument('fountain', final), findingOf('fountain', final, 'dragon'), 'mark-temporary'), undefined);
  });

  it('writes each file in its own syntax', () => {
    assert.match(fixOf('fountain', FOUNTAIN, 'dragon', 'disclosure-stub').insertion.text, /^\n\[\[GenAI disclosure: What is generated: …; Categories: key-element; .*; Approval: PENDING\]\]$/);
    // Inside a line of action the record stays on that line, which stays whole.
    const inline = fixOf('fountain', FOUNTAIN, 'Hana Sato', 'disclosure-stub');
    assert.equal(apply(FOUNTAIN, inline.insertion).split('\n').find((l) => l.startsWith('Rosa walks in.'))!.endsWith(' She sits.'), true);
    assert.equal(fixOf('fountain', FOUNTAIN, 'Hana Sato', 'suppress').insertion.text, '[[genai-review: ignore-next]] ');
    assert.match(fixOf('markdown', MARKDOWN, 'crowd', 'disclosure-stub').insertion.text, /^\n {2}> \*\*GenAI disclosure\*\*\n {2}> - What is generated: …\n/);
    assert.equal(fixOf('markdown', MARKDOWN, 'Hana Sato', 'suppress').insertion.text, '<!-- genai-review: ignore-next -->\n');
    assert.match(fixOf('plaintext', PLAINTEXT, 'crowd', 'disclosure-stub').insertion.text, /^\nGenAI disclosure:\n {2}What is generated: …\n[^]*\n {2}Approval: PENDING\n$/);
  });

  it('keeps the next line out of a Markdown record (lazy continuation) and keeps CRLF', () => {
    const fix = fixOf('markdown', MARKDOWN, 'dragon', 'disclosure-stub');
    assert.ok(fix.insertion.text.endsWith('Approval: PENDING\n'), 'a blank line before "Camera tests on Friday."');
    const crlf = PLAINTEXT.replace(/\n/g, '\r\n');
    const stub = fixOf('plaintext', crlf, 'crowd', 'disclosure-stub');
    assert.ok(!/[^\r]\n/.test(stub.insertion.text), 'every line break is CRLF');
  });

  it('only inserts: the original text is the result with the insertion taken out', () => {
    for (const { kind, text } of CASES) {
      const doc = readDocument(kind, text);
      for (const finding of analyze(kind, text)) {
        for (const fix of fixesFor(doc, finding)) {
          const after = apply(text, fix.insertion);
          assert.equal(after.slice(0, fix.insertion.offset) + after.slice(fix.insertion.offset + fix.insertion.text.length), text);
        }
      }
    }
  });

  it('keeps a byte-order mark first and out of the indent (found by the property test)', () => {
    const text = '\uFEFFGenAI: de-age Hana Sato for the flashback\n';
    const stub = fixOf('plaintext', text, 'de-age', 'disclosure-stub');
    assert.match(apply(text, stub.insertion), /\nGenAI disclosure:\n {2}What is generated/);
    assert.equal(outcomes('plaintext', apply(text, stub.insertion), ['de-age']).length, 1);
    const suppress = fixOf('plaintext', text, 'de-age', 'suppress');
    assert.equal(suppress.insertion.offset, 1);
    assert.equal(apply(text, suppress.insertion), '\uFEFFGenai-review: ignore-next.\nGenAI: de-age Hana Sato for the flashback\n');
    const fountain = `\uFEFF[[GenAI: de-age Hana Sato]]\n\n${TEST_SCRIPT}`;
    assert.ok(apply(fountain, fixOf('fountain', fountain, 'de-age', 'suppress').insertion).startsWith('\uFEFF[[genai-review: ignore-next]]\n[[GenAI: de-age'));
  });

  it('offers no fix in Final Draft files, which are XML', () => {
    const fdx = `<?xml version="1.0"?><FinalDraft DocumentType="Script"><Content><Paragraph Type="Action"><Text>Rosa sits.</Text><ScriptNote><Paragraph><Text>GenAI: de-age Hana Sato</Text></Paragraph></ScriptNote></Paragraph></Content></FinalDraft>`;
    const doc = readDocument('fdx', fdx);
    const findings = analyze('fdx', fdx);
    assert.equal(findings.length, 1);
    assert.deepEqual(fixesFor(doc, findings[0]), []);
  });
});

describe('templates', () => {
  it('gives the same text plain and as a snippet with tab stops, escaping snippet syntax', () => {
    const t = ['Cost: $5 {a} \\ ', field('…'), '; Approval: ', field('PENDING')];
    assert.equal(plainText(t), 'Cost: $5 {a} \\ …; Approval: PENDING');
    assert.equal(snippetText(t), 'Cost: \\$5 {a\\} \\\\ ${1:…}; Approval: ${2:PENDING}$0');
  });
});
