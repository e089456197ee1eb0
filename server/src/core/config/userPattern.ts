// A production's own approval pattern runs on every note, and a note may be megabytes long. A
// backtracking engine (JavaScript's RegExp) can take exponential time on patterns as innocent
// as `(\w+\s?)+$`, freezing the editor; no static check catches every such shape (`(.*a){12}`
// is polynomial of degree 12, `(a|aa)+$` exponential). So user patterns never run on RegExp:
// they are compiled by re2js, a port of RE2 whose matching time is linear in the input, and
// the pattern's own size is capped, which bounds the factor on that input.
//
// JavaScript syntax is translated (named groups, \u escapes); what RE2 cannot run in linear
// time is refused with a reason the user can act on: back-references and look-ahead.
// Look-behind without capture groups is linear in re2js and allowed.
import { RE2JS } from 're2js';

/** Longest pattern source accepted: approval patterns are a line, not a program. */
export const MAX_PATTERN_LENGTH = 500;
/** Largest compiled program accepted; matching time grows with it. The README's example is 23. */
export const MAX_PROGRAM_SIZE = 1000;

/** What the analysis needs of a pattern: its source (a cache key) and every match in a text. */
export interface TextPattern {
  readonly source: string;
  matchAll(text: string): Iterable<RegExpMatchArray>;
}

/** A user-supplied pattern compiled for linear-time matching, case-insensitive. */
export class LinearPattern implements TextPattern {
  private constructor(
    readonly source: string,
    private readonly compiled: RE2JS,
  ) {}

  /** Compiles `source`, or says why it cannot be used. */
  static compile(source: string): LinearPattern | { problem: string } {
    if (source.length === 0) return { problem: 'is empty' };
    if (source.length > MAX_PATTERN_LENGTH) return { problem: `is longer than ${MAX_PATTERN_LENGTH} characters` };
    // Checked before translation, which would silently turn `\k<name>` into the letters "k<name>".
    if (/\\[1-9]|\\k</.test(source)) return { problem: 'uses a back-reference (\\1, \\k<name>), which cannot be matched in linear time' };
    let compiled: RE2JS;
    try {
      compiled = RE2JS.compile(RE2JS.translateRegExp(source), RE2JS.CASE_INSENSITIVE | RE2JS.LOOKBEHINDS);
    } catch (e) {
      const message = (e as Error).message;
      if (/`\(\?[=!]`/.test(message)) return { problem: 'uses a look-ahead ((?=…) or (?!…)), which cannot be matched in linear time' };
      return { problem: `does not compile: ${message.replace(/^error parsing regexp: /, '')}` };
    }
    if (compiled.programSize() > MAX_PROGRAM_SIZE) return { problem: `is too complex (${compiled.programSize()} steps, at most ${MAX_PROGRAM_SIZE}): use fewer or smaller repetitions` };
    return new LinearPattern(source, compiled);
  }

  matchAll(text: string): Iterable<RegExpMatchArray> {
    return this.compiled.matchAll(text);
  }
}

const compiledPatterns = new Map<string, LinearPattern | { problem: string }>();

/** `compile`, remembered: the same few patterns are asked for on every analysis. */
export function compileUserPattern(source: string): LinearPattern | { problem: string } {
  let known = compiledPatterns.get(source);
  if (!known) {
    known = LinearPattern.compile(source);
    if (compiledPatterns.size >= 64) compiledPatterns.clear();
    compiledPatterns.set(source, known);
  }
  return known;
}

/** A reason the pattern cannot be used, or undefined when it can. */
export function checkUserPattern(source: string): string | undefined {
  const compiled = compileUserPattern(source);
  return compiled instanceof LinearPattern ? undefined : compiled.problem;
}

/** Most wildcards (`*`, `**`) one include/exclude glob may hold. */
export const MAX_GLOB_WILDCARDS = 3;

/**
 * A reason an include/exclude glob cannot be used, or undefined when it can. Globs become
 * backtracking RegExps (picomatch): each wildcard multiplies the work on a long file name or a
 * deep path, so that `**` + `*a*a*a*b` takes half a minute on one 255-character name. Three
 * wildcards cover what productions write (`**` + `/drafts/` + `**` + `/*.md`) and stay within
 * milliseconds; extglobs are off (scan.ts), so `+(a|aa)` is plain text.
 */
export function checkUserGlob(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty';
  if (glob.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  const wildcards = glob.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').match(/\*+/g)?.length ?? 0;
  if (wildcards > MAX_GLOB_WILDCARDS) return `has ${wildcards} wildcards (* or **), at most ${MAX_GLOB_WILDCARDS}: matching it against long paths could take minutes`;
  return undefined;
}
