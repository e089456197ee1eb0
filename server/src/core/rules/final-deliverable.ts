// Generated material meant to stay in the final cut or deliverables. "Final" alone counts
// ("GenAI storm plates, final."), but not where it only orders story or schedule ("the final
// take", "the final scene") or sits under negation ("not final", which is a low-risk scope).
import data from './final-deliverable.json';
import { patternRule, type RuleData, type Trigger } from './rule';

const notDeliverable = new Set(data.notDeliverable);
const rule = patternRule(data as RuleData);

export default {
  ...rule,
  detect(input) {
    const tokens = input.text.tokens;
    return rule.detect(input).filter((t: Trigger) => {
      const i = tokens.findIndex((tok) => tok.start === t.start);
      const first = tokens[i];
      if (!first || !/^(final|finished)$/.test(first.norm)) return true;
      // "the final take", "in the final scene": an order, not a deliverable.
      const next = tokens.slice(i + 1).find((tok) => tok.clause === first.clause && !tok.tags.has('Adjective'));
      if (next && next.clause === first.clause && notDeliverable.has(next.norm)) return false;
      // "until final VFX", "before the final version": the use ends before the final.
      const before = tokens[i - 1]?.norm === 'the' ? tokens[i - 2] : tokens[i - 1];
      return !(before && /^(until|till|before|pending)$/.test(before.norm));
    });
  },
} satisfies typeof rule;
