import { strict as assert } from 'node:assert';
import { analyzeDocument } from './analysis';
import { mergeConfig } from './config/parseConfig';
import { readDocument } from './documents';
import { readFountain } from './documents/fountain/readFountain';
import { lintNote, TEST_SCRIPT } from './rules/testing';

const config = mergeConfig();

describe('analyzeDocument', () => {
  it('never flags story: action and dialogue about AI are not notes', () => {
    const doc = readFountain(`${TEST_SCRIPT}\nINT. LAB - NIGHT\n\nThe AI on Ivan's phone clones Rosa's voice perfectly.\n\nROSA\nThey can fake anyone's face now with AI.\n`);
    assert.deepEqual(analyzeDocument(doc, { config }), []);
  });

  it('names every category in one finding per note, and the primary one as rule id', () => {
    const [f] = lintNote('GenAI: generate Rosa\'s face for the roof wide, final comp');
    assert.equal(f.ruleId, 'main-character');
    // A main character's face is also the face of the performer who plays her.
    assert.deepEqual(f.categories, ['main-character', 'talent-likeness', 'final-deliverable']);
    assert.equal(
      f.message,
      "Implies a main character (their face, body, voice or performance); talent likeness (a real person's face, body or voice); and generated material staying in the final cut or deliverables and cites no written approval",
    );
  });

  it('underlines the whole note and places evidence inside it', () => {
    const doc = readFountain(`${TEST_SCRIPT}\n[[GenAI: de-age Hana Sato for the prologue]]\n`);
    const [f] = analyzeDocument(doc, { config });
    assert.equal(doc.text.slice(f.span.start, f.span.end), '[[GenAI: de-age Hana Sato for the prologue]]');
    for (const e of f.evidence.filter((x) => x.span)) {
      assert.equal(doc.text.slice(e.span!.start, e.span!.end), e.text);
    }
  });

  it('takes an approval on the next line of the same paragraph', () => {
    const doc = readFountain(`${TEST_SCRIPT}\n[[Voice clone of Pedro Alves for the pickups]]\n[[Approval: NFX-GAI-0402]]\n\n[[AI crowd replacing extras in the market]]\n`);
    const findings = analyzeDocument(doc, { config });
    assert.deepEqual(findings.map((f) => f.outcome), ['approved', 'approval-required']);
    assert.equal(findings[0].approval, 'NFX-GAI-0402');
  });

  it('does not give a use the approval of the next list item when that item is a note of its own', () => {
    const md = '- Voice clone of Pedro Alves for the pickups\n- Credits sequence of fan drawings, consent collected, runs in the studio tenant. Approval: NFX-GAI-0381\n';
    const [f] = analyzeDocument(readDocument('markdown', md), { config });
    assert.equal(f.outcome, 'approval-required');
    const [g] = analyzeDocument(readDocument('markdown', '- Voice clone of Pedro Alves for the pickups\n- approved by legal, ref LGL-0402\n'), { config });
    assert.equal(g.outcome, 'approved');
  });

  it('reads a disclosure record after a note as describing it, not as another use', () => {
    const doc = readFountain(`${TEST_SCRIPT}\n[[GenAI: de-age Hana Sato for the prologue]]\n[[GenAI disclosure: what: de-aged face; tool: Metaphysic; approval: NFX-GAI-0500]]\n`);
    const findings = analyzeDocument(doc, { config });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].outcome, 'approved');
    const pending = analyzeDocument(readFountain(`${TEST_SCRIPT}\n[[GenAI: de-age Hana Sato]]\n[[GenAI disclosure: approval: PENDING]]\n`), { config });
    assert.deepEqual(pending.map((f) => f.outcome), ['approval-required']);
  });

  it('honours suppression comments', () => {
    const text = `${TEST_SCRIPT}\n[[genai-review: ignore-next]]\n[[GenAI: de-age Hana Sato]]\n\n[[GenAI: de-age Pedro Alves]]\n`;
    const findings = analyzeDocument(readFountain(text), { config });
    assert.equal(findings.length, 1);
    assert.match(text.slice(findings[0].span.start, findings[0].span.end), /Pedro/);
    assert.deepEqual(analyzeDocument(readFountain(`[[genai-review: ignore-file]]\n${text}`), { config }), []);
  });

  it('applies severities from the config, and "off" per category', () => {
    const [error] = lintNote('GenAI: de-age Hana Sato', { severity: { 'talent-likeness': 'error' } });
    assert.equal(error.severity, 'error');
    const [off] = lintNote('GenAI: de-age Hana Sato', { severity: { 'talent-likeness': 'off' } });
    assert.equal(off.outcome, 'disclose');
    assert.deepEqual(lintNote('GenAI: mood board', { severity: { disclose: 'off' } }), []);
  });
});
