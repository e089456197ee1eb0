// Production material going into a tool that may keep, reuse or train on it, or that runs
// outside an enterprise-secured environment.
import { compilePattern } from '../nlp/patterns';
import { LEXICON } from '../classify/entities';
import data from './data-handling.json';
import personalData from './personal-data';
import { matchTriggers, patternRule, type RuleData } from './rule';

const rule = patternRule(data as RuleData);
const lists = { ...LEXICON, ...data.lists };
const secure = [compilePattern('@secure', lists)];
// Personal data sent somewhere: into, to or through a tool.
const destination = [compilePattern('into|to|through|via|onto|in ...3 $tool|$ai|@toolNoun', lists)];
const risky = [compilePattern('@riskyTool', lists), compilePattern('@retention', lists), compilePattern('@riskyQualifier ..2 $tool|$ai|@toolNoun|version|account', lists)];

export default {
  ...rule,
  detect(input) {
    // Personal data going into a tool is production data too: the same storage and training
    // questions apply to it.
    const own = rule.detect(input);
    const intoTool = matchTriggers(input, destination).length > 0;
    const triggers = intoTool ? [...own, ...personalData.detect(input).filter((t) => !own.some((x) => x.start < t.end && t.start < x.end))] : own;
    if (triggers.length === 0) return triggers;
    const saysRisky = matchTriggers(input, risky).length > 0;
    const saysSecure = matchTriggers(input, secure).length > 0;
    const tools = input.entities.tool ?? [];
    const cleared = new Set(input.context.clearedTools.map((t) => t.toLowerCase()));
    const onlyClearedTools = tools.length > 0 && tools.every((m) => cleared.has(m.value.toLowerCase()));
    if (!saysRisky && (saysSecure || onlyClearedTools)) return [];
    return triggers;
  },
} satisfies typeof rule;
