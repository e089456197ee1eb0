// Generated material meant to stay in the final cut or deliverables. "Final" alone counts
// ("GenAI storm plates, final."), but not where it only orders story or schedule ("the final
// take", "the final scene") or sits under negation ("not final", which is a low-risk scope).
import data from './final-deliverable.json';
import { keepTriggers, patternRule, type RuleData, type Trigger } from './rule';

const notDeliverable = new Set(data.notDeliverable);
const finalOutput = new Set(data.lists.finalOutput);
const rule = patternRule(data as RuleData);

export default keepTriggers(rule, (input) => {
  const tokens = input.text.tokens;
  return (t: Trigger, i: number) => {
    const first = tokens[i];
    if (!first || !/^(final|finished)$/.test(first.norm)) return true;
    // Bare "final" is a deliverable when it stands alone ("storm plates, final.") or names an
    // output ("final comp", matched by its own pattern). Before any other noun it is an order:
    // "the final take", "the final market night".
    const next = tokens.slice(i + 1).find((tok) => tok.clause === first.clause && !tok.tags.has('Adjective'));
    if (next && t.end === first.end) {
      if (notDeliverable.has(next.norm)) return false;
      // "final costume-and-face comp": an output noun a few words on still makes it final.
      const phrase = tokens.slice(i + 1, i + 5).filter((tok) => tok.clause === first.clause);
      const namesOutput = phrase.some((tok) => finalOutput.has(tok.norm) || finalOutput.has(tok.root));
      if (next.tags.has('Noun') && !next.tags.has('Pronoun') && !namesOutput) return false;
    }
    if (next && notDeliverable.has(next.norm)) return false;
    // "the animators replace them all for the final": the generated material leaves before it.
    const clauseTokens = t.end === first.end ? tokens.filter((tok) => tok.clause === first.clause && tok.start < first.start) : [];
    // "A real narrator records the final": a person makes the final, the generated one is temp.
    if (clauseTokens.some((tok) => /^(replace|replaced|replacing|swap|swapped|remove|removed|redo|redone|re-record|rerecord|records|record|recorded|shoots|shoot|shot|voices|voice|performs|perform|paints|draws|builds|redraw|redraws|redrawn|repaint|repaints|repainted|remake|remakes|hand-drawn|animate|animates|animated)$/.test(tok.norm) || /^(replace|swap|remove|redo|record|shoot|perform)$/.test(tok.root))) return false;
    // "until final VFX", "before the final version": the use ends before the final.
    const before = tokens[i - 1]?.norm === 'the' ? tokens[i - 2] : tokens[i - 1];
    return !(before && /^(until|till|before|pending)$/.test(before.norm));
  };
});
