// A generated hero prop, creature, signature effect, or a setting the screenplay keeps
// returning to (script/cast.ts decides which locations are central).
import data from './key-element.json';
import { patternRule, type RuleData } from './rule';

export default patternRule(data as RuleData);
