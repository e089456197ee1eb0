// Generated material that replaces work union agreements cover: background actors, stunts,
// voices, writers, composers and musicians, crew.
import data from './union-work.json';
import { keepTriggers, patternRule, type RuleData } from './rule';

const rule = patternRule(data as RuleData);

const crowdWords = new Set(data.lists.crowdWork.map((w) => w.toLowerCase()));
const REPLACES = /\b(?:instead|rather|in place|replac|substitut|no\b|without|budget|skip|sav(?:e|es|ing)\b|let\b|drop|cut\b|lose|ditch|fewer|not (?:hiring|booking|casting))/i;

// A documentary hires no extras: its crowds are the real audience, so a generated crowd there is
// imagery an audience takes as real (documentary-imagery), not background actors' work, unless
// the note says the generated people stand in for someone who would have been paid.
export default keepTriggers(rule, (input) =>
  input.context.productionType !== 'documentary' ? () => true : (t) => REPLACES.test(t.text) || !t.text.toLowerCase().split(/[^\p{L}'-]+/u).some((w) => crowdWords.has(w)),
);
