// User-supplied regular expressions run on every note, so one that can backtrack without end
// would freeze the editor. Before use, a pattern must compile and must not nest unbounded
// quantifiers or repeat a group of overlapping alternatives (the shapes behind catastrophic
// backtracking: (a+)+, (a|a)*, (.*)*). Matching also only ever sees a single note, never a
// whole script, which bounds the input of any pattern that passes.

const MAX_PATTERN_LENGTH = 500;

/** A reason the pattern cannot be used, or undefined when it can. */
export function checkUserPattern(source: string): string | undefined {
  if (source.length === 0) return 'is empty';
  if (source.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(source, 'iu');
  } catch (e) {
    return `does not compile: ${(e as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'uses a back-reference, which can make matching take exponential time';
  if (hasNestedQuantifier(source)) return 'nests repetition inside repetition (like (a+)+), which can make matching hang';
  return undefined;
}

/** True when a quantified group contains a quantifier or overlapping alternatives. */
export function hasNestedQuantifier(source: string): boolean {
  // Stack of groups: whether the group's body holds a quantifier or an alternation.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      continue;
    }
    if (c === '|' && stack.length > 0) {
      stack[stack.length - 1].alternation = true;
      continue;
    }
    const quantifierAt = (j: number) => source[j] === '*' || source[j] === '+' || (source[j] === '{' && /^\{\d+,\d*\}/.test(source.slice(j)));
    if (c === ')') {
      const group = stack.pop();
      if (!group) continue;
      if (quantifierAt(i + 1) && (group.quantified || group.alternation)) return true;
      if (group.quantified && stack.length > 0) stack[stack.length - 1].quantified = true;
      if (quantifierAt(i + 1) && stack.length > 0) stack[stack.length - 1].quantified = true;
      continue;
    }
    if (quantifierAt(i) && stack.length > 0) stack[stack.length - 1].quantified = true;
  }
  return false;
}
