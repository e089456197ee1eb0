// Someone else's material as prompt, reference or training input: a named artist's or
// studio's style, stills from a film, a logo or franchise. Named works are capitalised runs
// of words that are no character, setting or tool (classify/entities.ts).
import data from './third-party-ip.json';
import { patternRule, type RuleData } from './rule';

export default patternRule(data as RuleData);
