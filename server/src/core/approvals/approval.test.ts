import { strict as assert } from 'node:assert';
import { lintNote } from '../rules/testing';
import { findApproval } from './approval';

describe('approval references', () => {
  it('finds references in the ways productions write them', () => {
    for (const [text, ref] of [
      ['Approval: NFX-GAI-0142', 'NFX-GAI-0142'],
      ['Approved: NFX-GAI-0107', 'NFX-GAI-0107'],
      ['approval ref A-2026-031', 'A-2026-031'],
      ['written approval LEGAL-2291', 'LEGAL-2291'],
      ['approval NFX-GAI-0150 (label on screen)', 'NFX-GAI-0150'],
      ['Approval ref: A-2026-031.', 'A-2026-031'],
      ['approval #4411', '4411'],
      ['| de-age Ruth | ✔ NFX-GAI-0704 |', 'NFX-GAI-0704'],
      ['✅ LEGAL-88', 'LEGAL-88'],
      ['approved, see approvals log entry 2026-021', '2026-021'],
      ['signed off by studio legal with the consent attached - ref CLR/0422', 'CLR/0422'],
      ['3-word voice fix w/ Respeecher. Consent signed. NFX-GAI-0390', 'NFX-GAI-0390'],
      ['the generated version is in the locked cut, TW-GAI-0012 approval attached', 'TW-GAI-0012'],
      ['Pass env fully generated. Written approval received 03/02, LEGAL-5520', 'LEGAL-5520'],
    ]) {
      assert.equal(findApproval(text).reference?.reference, ref, text);
    }
  });

  it('never takes "pending", "TBD", "awaiting" or "needs sign-off" for a reference', () => {
    for (const text of ['NFX-GAI-0390 requested from the studio', 'sent NFX-GAI-0391 for approval, awaiting reply', 'CLEARANCE LOG #0217 | sc 8 | badges', 'Clearance memo 07 - research proposes pasting the letters', 'approval requested, ref CLR/0422 to follow', '✔ pending', '| ✓ | temp crowd |', 'Approval: pending', 'Approval: TBD', 'awaiting approval from legal', 'needs sign-off', 'approval requested', 'approval to follow', 'unapproved tool v2']) {
      assert.equal(findApproval(text).reference, undefined, text);
    }
    assert.equal(findApproval('Approval: pending').notYet, 'Approval: pending');
  });

  it('turns a flagged use into an approved one, shown as information', () => {
    const [f] = lintNote('GenAI: de-age Hana Sato for the prologue. Approval: NFX-GAI-0142');
    assert.equal(f.outcome, 'approved');
    assert.equal(f.severity, 'information');
    assert.equal(f.approval, 'NFX-GAI-0142');
    assert.match(f.message, /^Approved \(NFX-GAI-0142\): implies talent likeness/);
  });

  it('says when the approval is only pending', () => {
    const [f] = lintNote('GenAI: de-age Hana Sato for the prologue. Approval: pending');
    assert.equal(f.outcome, 'approval-required');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /cites no written approval \("Approval: pending" is not a reference\)$/);
  });

  it('honours a configured pattern', () => {
    const [f] = lintNote('GenAI: de-age Hana Sato. Clearance ticket CLR/88', { approvalPattern: 'ticket (CLR/\\d+)' });
    assert.equal(f.approval, 'CLR/88');
  });
});
