// Generated material that replaces work union agreements cover: background actors, stunts,
// voices, writers, composers and musicians, crew.
import data from './union-work.json';
import { patternRule, type RuleData } from './rule';

export default patternRule(data as RuleData);
