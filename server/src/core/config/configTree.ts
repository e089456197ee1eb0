// A config file's text as a tree of nodes with their places in the text, before any setting is
// checked: jsonc-parser's `Node` shape (object, property, array and scalar nodes, each with its
// offset and length). Each file format has its own reader that fills this shape and reports its
// own syntax problems; parseConfig.ts checks the tree the same way whatever the format.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParseProblem } from '../types';

export interface ConfigTree {
  /** Undefined when the file holds no value at all (empty, or only comments). */
  root?: Node;
  /** Syntax problems of the format; what they spoil is left out of `root` or recovered as the reader can. */
  problems: ParseProblem[];
}

export function readJsonTree(text: string): ConfigTree {
  const problems: ParseProblem[] = [];
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (e) {
    // jsonc-parser reads nested values by recursion: some thousands of "[" exhaust the stack.
    if (!(e instanceof RangeError)) throw e;
    return { problems: [{ message: 'Invalid JSON: nested too deeply to read.', span: { start: 0, end: Math.min(1, text.length) }, severity: 'error' }] };
  }
  for (const e of errors) {
    problems.push({ message: `Invalid JSON: ${printParseErrorCode(e.error)}`, span: { start: Math.min(e.offset, text.length), end: Math.min(text.length, e.offset + Math.max(1, e.length)) }, severity: 'error' });
  }
  return { root, problems };
}
