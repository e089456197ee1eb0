import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findApproval } from '../approvals/approval';
import { analyzeDocument } from '../analysis';
import { readDocument } from '../documents';
import { mergeConfig } from './parseConfig';
import { checkUserPattern, LinearPattern, MAX_PROGRAM_SIZE } from './userPattern';

function compiled(source: string): LinearPattern {
  const pattern = LinearPattern.compile(source);
  assert.ok(pattern instanceof LinearPattern, `${source}: ${'problem' in pattern ? pattern.problem : ''}`);
  return pattern;
}

/** Milliseconds `work` takes. */
function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

// Patterns known to take exponential or high-polynomial time on a backtracking engine: on
// RegExp, each of these hangs for minutes to years on the inputs below.
const REDOS = ['(a+)+$', '(a|aa)+$', '(.*a){12}', '^(\\w+\\s?)+$', '(x+x+)+y', '(a|a?)+$', '^(([a-z])+.)+[A-Z]([a-z])+$', '(\\d+)*\\.$'];

describe('user patterns (linear-time engine)', () => {
  it('run the known ReDoS patterns on long inputs in linear time', function () {
    this.timeout(30000);
    const inputs = ['a'.repeat(50_000) + '!', `${'ab1 '.repeat(12_500)}!`];
    for (const source of REDOS) {
      const pattern = compiled(source);
      for (const input of inputs) {
        const ms = timed(() => [...pattern.matchAll(input)]);
        assert.ok(ms < 3000, `${source} on ${input.length} characters took ${Math.round(ms)} ms`);
      }
    }
  });

  it('answer as RegExp does where RegExp can answer', () => {
    const cases: [string, string, string | null][] = [
      ['(a+)+$', 'baaa', 'aaa'],
      ['(a|aa)+$', 'aab', null],
      ['approval (?:ref )?([A-Z]+-\\d+)', 'GenAI: de-age. Approval ref LEGAL-2291.', 'Approval ref LEGAL-2291'],
      ['ticket (CLR/\\d+)', 'Clearance TICKET CLR/88', 'TICKET CLR/88'],
      ['(?<ref>NFX-\\d+)', 'see nfx-0142 now', 'nfx-0142'],
      ['\\u00e9tude (\\d+)', 'Étude 4', 'Étude 4'],
    ];
    for (const [source, text, expected] of cases) {
      const native = new RegExp(source, 'iu').exec(text)?.[0] ?? null;
      const [linear] = [...compiled(source).matchAll(text)];
      assert.equal(native, expected, `RegExp ${source}`);
      assert.equal(linear?.[0] ?? null, expected, `linear ${source}`);
    }
  });

  it('report match offsets in UTF-16 code units, as the rest of the analysis counts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (before, after) => {
        const text = `${before}Approval: NFX-${before.length}${after}`;
        const [match] = [...compiled('approval: (NFX-\\d+)').matchAll(text)];
        const native = /approval: (NFX-\d+)/iu.exec(text)!;
        assert.equal(match.index, native.index);
        assert.equal(match[1], native[1]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuse, with a reason, what cannot be matched in linear time or does not compile', () => {
    assert.match(checkUserPattern('(NFX)-\\1')!, /back-reference/);
    assert.match(checkUserPattern('(?<id>NFX)\\k<id>')!, /back-reference/);
    assert.match(checkUserPattern('(?=NFX)\\w+')!, /look-ahead/);
    assert.match(checkUserPattern('NFX(?!-0)')!, /look-ahead/);
    assert.match(checkUserPattern('approval: ([A-Z')!, /^does not compile: missing closing \]/);
    assert.match(checkUserPattern('a{1001}')!, /^does not compile: invalid repeat count/);
    assert.match(checkUserPattern('(.*a){1000}')!, new RegExp(`^is too complex \\(\\d+ steps, at most ${MAX_PROGRAM_SIZE}\\)`));
    assert.match(checkUserPattern('x'.repeat(501))!, /longer than 500 characters/);
    assert.equal(checkUserPattern('(?<!un)approved ([A-Z]+-\\d+)'), undefined, 'look-behind without a group is linear');
  });

  it('a production whose pattern would hang RegExp is still reviewed, in bounded time, on a 2 MB note', function () {
    this.timeout(30000);
    const note = `GenAI: de-age Marisol for the flashback ${'a'.repeat(2_000_000)}`;
    // (.*a){12} is linear too, but with twelve threads alive over the whole note: 100,000
    // characters above are enough to show it, and keep the suite fast.
    for (const approvalPattern of ['(a|aa)+$']) {
      const config = mergeConfig({ approvalPattern });
      let findings: ReturnType<typeof analyzeDocument> = [];
      const ms = timed(() => (findings = analyzeDocument(readDocument('plaintext', note), { config })));
      assert.equal(findings.length, 1);
      // The pattern matches the run of a's: that is the reference it finds, as RegExp would.
      assert.equal(findings[0].outcome, 'approved', approvalPattern);
      assert.ok(ms < 10000, `${approvalPattern} on a 2 MB note took ${Math.round(ms)} ms`);
    }
  });

  it('find a configured reference through the analysis, the built-in one otherwise', () => {
    const pattern = compiled('clearance (CLR/\\d+)');
    assert.equal(findApproval('GenAI: de-age Hana. Clearance CLR/88', pattern).reference?.reference, 'CLR/88');
    assert.equal(findApproval('GenAI: de-age Hana. Approval: NFX-1', pattern).reference, undefined);
    assert.equal(findApproval('GenAI: de-age Hana. Approval: NFX-1').reference?.reference, 'NFX-1');
  });
});
