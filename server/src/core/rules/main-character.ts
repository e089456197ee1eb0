// A generated or altered main character. Who is main comes from the screenplay (see
// script/cast.ts); naming a one-line character such as BUS DRIVER is not this category.
//
// Beyond the patterns, a main character named in an AI-use note is taken to be what the use
// touches, unless the note only names something of theirs that is not them ("Mavis's medical
// letters", "Arlo's startup") or tells what they do in the story ("Desmond reads the headline").
import data from './main-character.json';
import type { Token } from '../nlp/analyzeText';
import { keepTriggers, patternRule, type RuleData, type Trigger } from './rule';

const aspects = new Set(data.lists.charAspect);
const CAUSATIVE = /^(make|makes|making|made|let|lets|have|has|had|get|gets|so|to|for|of|on|with|as)$/;
const GENERATIVE = /^(generate|create|make|render|synthesize|synthesise|clone|replace|use|alter|change|design|build|animate|gen|de-age|deage|recreate|show|include|touch|fake)$/;

/** A negated verb of making or changing in the clause before the mention ("do NOT generate"). */
function isNegatedGeneration(tokens: readonly Token[], at: number): boolean {
  const clause = tokens[at].clause;
  for (let i = at - 1; i >= 0 && tokens[i].clause === clause; i--) if (tokens[i].negated && (GENERATIVE.test(tokens[i].norm) || GENERATIVE.test(tokens[i].root))) return true;
  return false;
}

const WRITE = /^(write|writes|wrote|written|rewrite|rewrites|rewrote|draft|drafts|drafted|compose|composes|composed|punch)$/;

const rule = patternRule(data as RuleData, (input) => {
  const tokens = input.text.tokens;
  const triggers: Trigger[] = [];
  // A cast member who plays a main character ("de-age Bernadette Quayle" for IMOGEN).
  for (const mention of input.entities.person ?? []) {
    const member = input.context.cast.find((c) => c.name === mention.value);
    if (!member?.role || tokens[mention.first].negated) continue;
    const role = member.role.toUpperCase();
    const main = input.context.mainCharacters.find((c) => c.name === role);
    if (!main) continue;
    const first = tokens[mention.first];
    const last = tokens[mention.last];
    triggers.push({ start: first.start, end: last.end, text: input.text.text.slice(first.start, last.end), entities: [{ name: 'char', mention: { first: mention.first, last: mention.last, value: main.name } }] });
  }
  for (const mention of input.entities.char ?? []) {
    const first = tokens[mention.first];
    const last = tokens[mention.last];
    // "do NOT generate Marisol" takes the character away; "we never got Nkechi's reaction"
    // only explains why something is generated.
    if (first.negated && (isNegatedGeneration(tokens, mention.first) || /^(no|not)$/.test(tokens[mention.first - 1]?.norm ?? ''))) continue;
    const after = tokens.slice(mention.last + 1, mention.last + 4).filter((t) => t.clause === last.clause);
    if (last.possessive) {
      // "Teo's face", "Nell's last close-up", "Tamsin's 'I've brought back…'": their likeness,
      // performance or a line of theirs.
      const quoted = /^\s*['"“‘]/.test(input.text.text.slice(last.end, last.end + 3));
      if (!quoted && !after.some((t) => aspects.has(t.norm) || aspects.has(t.root))) continue;
    } else {
      const next = after[0];
      const before = tokens[mention.first - 1];
      // …but "Wren says 'I love your bread' instead": a line put into their mouth.
      const quotedLine = next && /^(say|says|said|sing|sings|sang)$/.test(next.norm) && /^\s*['"“‘]/.test(input.text.text.slice(next.end, next.end + 3));
      const storyAction = next && !quotedLine && next.tags.has('Verb') && !next.tags.has('Gerund') && !next.tags.has('Modal') && !next.tags.has('Auxiliary') && !next.tags.has('Participle');
      if (storyAction && !(before && CAUSATIVE.test(before.norm))) continue;
    }
    triggers.push({ start: first.start, end: last.end, text: input.text.text.slice(first.start, last.end), entities: [{ name: 'char', mention }] });
  }
  return triggers;
});

// "Let ChatGPT write Asa's recess speech": writing a character's words is writers' work, not
// the character's likeness.
export default keepTriggers(rule, (input) => (_t, i) => i < 0 || !WRITE.test(input.text.tokens[i].norm));
