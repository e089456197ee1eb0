// A generated or altered main character. Who is main comes from the screenplay (see
// script/cast.ts); naming a one-line character such as BUS DRIVER is not this category.
import data from './main-character.json';
import { patternRule, type RuleData } from './rule';

export default patternRule(data as RuleData);
