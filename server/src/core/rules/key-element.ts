// A generated hero prop, creature, signature effect, or a setting the screenplay keeps
// returning to (script/cast.ts decides which locations are central).
import data from './key-element.json';
import { keepTriggers, patternRule, type RuleData } from './rule';

const CREATURES = /^(alien|aliens|robot|robots|droid|droids|dragon|dragons|beast|beasts|mech|mechs|spaceship|starship|kaiju|creature|creatures|monster|monsters)$/i;
const rule = patternRule(data as RuleData);

// "stills from Alien (1979)": a capitalised creature word in mid-sentence is a title, not a creature.
export default keepTriggers(rule, (input) => {
  const tokens = input.text.tokens;
  return (t, i) => {
    const tok = tokens[i];
    if (!tok || !CREATURES.test(tok.text) || t.end !== tok.end) return true;
    const clauseStart = i === 0 || tokens[i - 1].clause !== tok.clause;
    return !(tok.capitalized && !clauseStart);
  };
});
