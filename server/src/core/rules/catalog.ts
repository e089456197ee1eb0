// Every rule, one per category of the contract, alphabetically. Settings, hovers, the README
// rule list and the summary are generated from this table.
import { CATEGORY_IDS, type CategoryId } from '../categories';
import dataHandling from './data-handling';
import documentaryImagery from './documentary-imagery';
import finalDeliverable from './final-deliverable';
import keyElement from './key-element';
import mainCharacter from './main-character';
import personalData from './personal-data';
import type { Rule } from './rule';
import talentLikeness from './talent-likeness';
import thirdPartyIp from './third-party-ip';
import unionWork from './union-work';

export const RULES: readonly Rule[] = [
  dataHandling,
  documentaryImagery,
  finalDeliverable,
  keyElement,
  mainCharacter,
  personalData,
  talentLikeness,
  thirdPartyIp,
  unionWork,
];

const byId = new Map<CategoryId, Rule>(RULES.map((r) => [r.id, r]));

export function ruleFor(id: CategoryId): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`no rule for category ${id}`);
  return rule;
}

/** Categories in the contract's order, which is also the order findings list them in. */
export function sortCategories(ids: Iterable<CategoryId>): CategoryId[] {
  const set = new Set(ids);
  return CATEGORY_IDS.filter((id) => set.has(id));
}

/**
 * Which category names a finding (its `ruleId`, the diagnostic's code) when a note implies
 * several: the one whose approval is hardest to get comes first.
 */
export const PRIMARY_ORDER: readonly CategoryId[] = [
  'talent-likeness',
  'main-character',
  'documentary-imagery',
  'personal-data',
  'union-work',
  'third-party-ip',
  'key-element',
  'data-handling',
  'final-deliverable',
];
