// The likeness or voice of a real, identifiable person: replicas, de-ageing, face swaps,
// voice clones, synthetic ADR, altered performances. Real people are cast entries, named
// people who are no character in the screenplay, and phrases like "the lead actress".
import data from './talent-likeness.json';
import { patternRule, type RuleData } from './rule';

export default patternRule(data as RuleData);
