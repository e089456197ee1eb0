// Shared helpers for rule tests, in the manner of Harper's assert_lint_count: a note is put into
// a small screenplay, the whole analysis runs, and the test looks at what a writer would see.
import { strict as assert } from 'node:assert';
import { analyzeDocument } from '../analysis';
import type { CategoryId } from '../categories';
import { mergeConfig } from '../config/parseConfig';
import type { GenaiReviewConfig } from '../config/config';
import { readFountain } from '../documents/fountain/readFountain';
import type { Finding } from '../findings';

/**
 * ROSA and IVAN carry the dialogue; the COURIER speaks once. The OBSERVATORY is where most
 * scenes happen; the market is seen once.
 */
export const TEST_SCRIPT = `Title: Clear Skies

INT. OBSERVATORY - DOME - NIGHT

ROSA adjusts the telescope. IVAN reads numbers aloud.

ROSA
Again. Slower.

IVAN
Forty-one, forty-two, forty-two.

ROSA
It moved.

EXT. OBSERVATORY - ROOF - NIGHT

IVAN
You said that last year.

ROSA
Last year it did move.

EXT. MARKET - DAY

A COURIER hands IVAN a parcel.

COURIER
Sign here.

IVAN
Rosa will want to see this.

INT. OBSERVATORY - DOME - DAWN

ROSA
Open it.

IVAN
It's a lens.

ROSA
It's the lens.
`;

export function lintNote(note: string, config: Partial<GenaiReviewConfig> = {}): Finding[] {
  const doc = readFountain(`${TEST_SCRIPT}\n[[${note}]]\n`);
  return analyzeDocument(doc, { config: mergeConfig(config) });
}

/** The note is flagged as needing approval, with at least these categories. */
export function assertFlags(note: string, categories: CategoryId[], config: Partial<GenaiReviewConfig> = {}): Finding {
  const findings = lintNote(note, config);
  assert.equal(findings.length, 1, `one finding expected for "${note}", got ${JSON.stringify(findings.map((f) => f.message))}`);
  const f = findings[0];
  assert.equal(f.outcome, 'approval-required', `"${note}": ${f.message}`);
  for (const c of categories) assert.ok(f.categories.includes(c), `"${note}" should imply ${c}, got [${f.categories}]`);
  return f;
}

/** The note is an AI use, but does not imply `category`. */
export function assertNotCategory(note: string, category: CategoryId, config: Partial<GenaiReviewConfig> = {}): void {
  const findings = lintNote(note, config);
  for (const f of findings) assert.ok(!f.categories.includes(category), `"${note}" should not imply ${category}: ${f.message}`);
}

/** The note is a low-risk AI use: disclosed, never a warning. */
export function assertDisclose(note: string, config: Partial<GenaiReviewConfig> = {}): void {
  const findings = lintNote(note, config);
  assert.equal(findings.length, 1, `"${note}" should be one disclose finding, got ${JSON.stringify(findings.map((f) => f.message))}`);
  assert.equal(findings[0].outcome, 'disclose', `"${note}": ${findings[0].message}`);
  assert.equal(findings[0].severity, 'information');
}

/** The note is not an AI use at all: no finding. */
export function assertNoFinding(note: string, config: Partial<GenaiReviewConfig> = {}): void {
  const findings = lintNote(note, config);
  assert.deepEqual(findings.map((f) => f.message), [], `"${note}" should have no finding`);
}
