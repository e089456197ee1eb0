// Reads a `.genai-review.yaml` into the tree parseConfig checks (configTree.ts), so YAML gets
// every check and message JSON gets, at the same places. The `yaml` package (eemeli/yaml) does
// the parsing: each of its nodes has its exact UTF-16 range in the text and each error its
// offsets, it reads the YAML 1.2 core schema (`yes` stays a word), and it never expands an
// alias unless asked. A config is plain data, so what YAML has beyond JSON is refused here,
// each at its place, and the setting it is in falls back to its default: aliases (never
// expanded, so an alias bomb costs nothing), tags (`!!js/function`, `!foo`), keys that are
// lists or maps, duplicate keys, a second document. A setting a syntax error runs through
// falls back too: the parser's recovery (an unclosed quote swallows the lines after it) is
// not what the writer meant.
import type { Node } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node as AnyYamlNode, type Pair, type YAMLError } from 'yaml';
import type { ParseProblem, Span } from '../types';
import type { ConfigTree } from './configTree';

/**
 * Longer YAML is not read. A config is a few hundred characters; the parser's cost grows with
 * hostile text (65,536 characters of "[,,,…" take 0.3 s and 64 MB, a megabyte 6 s and 900 MB).
 */
export const MAX_YAML_CONFIG_LENGTH = 65_536;
/** Deeper collections are refused rather than walked; a config needs four levels at most. */
const MAX_DEPTH = 16;
/** YAML problems reported; past this, one more says how many were left out. */
const MAX_YAML_PROBLEMS = 100;

const OPTIONS = {
  schema: 'core',
  version: '1.2',
  merge: false,
  // Checked here, in one pass: the parser's own check compares every key with every other.
  uniqueKeys: false,
  prettyErrors: false,
  logLevel: 'silent',
} as const;

/** Warnings about tags: every tag is refused at its node, with one message. */
const TAG_WARNINGS = new Set(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

type YamlNode = AnyYamlNode | null | undefined;

/** A node of the tree, and whether what it holds must not be used (an alias, a tag). */
interface Converted {
  node: Node;
  bad: boolean;
}

export function readYamlTree(text: string): ConfigTree {
  if (text.length > MAX_YAML_CONFIG_LENGTH) {
    const size = (n: number) => n.toLocaleString('en-US');
    return { problems: [{ message: `A YAML config may hold at most ${size(MAX_YAML_CONFIG_LENGTH)} characters and this one holds ${size(text.length)}: it is not read, and the defaults apply.`, span: lineAt(text, 0), severity: 'error' }] };
  }
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, OPTIONS);
  } catch (e) {
    return { problems: [{ message: `Invalid YAML: ${(e as Error).message}`, span: lineAt(text, 0), severity: 'error' }] };
  }
  const reader = new YamlReader(text);
  if ('empty' in docs) return reader.finish(undefined, docs.errors, docs.warnings);
  const [doc, second] = docs;
  if (second) reader.report('Invalid YAML: only one document is allowed in a config file; this one and any after it are ignored.', lineAt(text, second.range?.[0] ?? 0), 'error');
  const contents = doc.contents as YamlNode;
  // An empty file, or one of only comments and `---`, sets nothing.
  const empty = !contents || (isScalar(contents) && contents.value === null && !contents.tag && !contents.anchor && rangeOf(contents).start === rangeOf(contents).end);
  return reader.finish(empty ? undefined : contents, doc.errors, doc.warnings);
}

class YamlReader {
  private readonly problems: ParseProblem[] = [];
  private omitted = 0;
  /** Where each quoted scalar starts, by where it ends: an unclosed quote is reported where it opens. */
  private readonly quoteStarts = new Map<number, number>();

  constructor(private readonly text: string) {}

  report(message: string, span: Span, severity: ParseProblem['severity']): void {
    if (this.problems.length < MAX_YAML_PROBLEMS) this.problems.push({ message, span, severity });
    else this.omitted++;
  }

  finish(contents: YamlNode, errors: readonly YAMLError[], warnings: readonly YAMLError[]): ConfigTree {
    const errorAt = errors.map((e) => this.clamp(e.pos[0])).sort((a, b) => a - b);
    const root = contents ? this.root(contents, errorAt) : undefined;
    const syntax: ParseProblem[] = [];
    const seen = new Set<string>();
    for (const [list, severity] of [[errors, 'error'], [warnings.filter((w) => !TAG_WARNINGS.has(w.code)), 'warning']] as const) {
      for (const e of list) {
        const quoteStart = e.code === 'MISSING_CHAR' && e.message.includes('quote') ? this.quoteStarts.get(e.pos[0]) : undefined;
        const start = quoteStart ?? this.clamp(e.pos[0]);
        const key = `${start} ${e.code} ${e.message}`;
        if (seen.has(key)) continue; // a run of unclosed "[" gives the same error once per level
        seen.add(key);
        // The parser's own stack ran out: "Maximum call stack size exceeded" would read as our crash.
        const message = e.code === 'RESOURCE_EXHAUSTION' ? 'nested too deeply to read' : e.message;
        syntax.push({ message: `Invalid YAML: ${message}`, span: { start, end: Math.min(this.text.length, Math.max(start + 1, e.pos[1])) }, severity });
      }
    }
    const problems = [...syntax, ...this.problems];
    const shown = problems.slice(0, MAX_YAML_PROBLEMS);
    const more = problems.length - shown.length + this.omitted;
    if (more > 0) shown.push({ ...problems[MAX_YAML_PROBLEMS - 1], message: `Invalid YAML: ${more.toLocaleString('en-US')} more problems are not shown; fixing the first ones may clear them.`, severity: 'error' });
    return { root, problems: shown };
  }

  /** The root; in a mapping, each setting that is bad or that a syntax error runs through is left out. */
  private root(contents: NonNullable<YamlNode>, errorAt: readonly number[]): Node | undefined {
    if (isAlias(contents) || contents.tag) {
      this.convert(contents, 0, 0);
      return undefined;
    }
    // Not a mapping: the checks say so, whatever it holds.
    if (!isMap(contents)) return this.convert(contents, 0, 0).node;
    // A setting is spoilt by an error in it or between it and the next key: where the parser
    // recovers from a broken line (a tab as indentation) and reads it as a setting of its own.
    const keyStarts = contents.items.map((pair) => (pair.key ? rangeOf(pair.key as NonNullable<YamlNode>).start : 0));
    const spoilt = (property: Node) => {
      const next = keyStarts[lowerBound(keyStarts, property.offset + 1)];
      const i = lowerBound(errorAt, property.offset);
      return i < errorAt.length && (next === undefined ? errorAt[i] <= property.offset + property.length : errorAt[i] < next);
    };
    this.anchorOf(contents, 0);
    return this.mapping(contents, 0, (property, bad) => !bad && !spoilt(property));
  }

  private convert(value: YamlNode, depth: number, propsFrom: number): Converted {
    if (value === null || value === undefined) return { node: { type: 'null', value: null, offset: propsFrom, length: 0 }, bad: false };
    const span = rangeOf(value);
    const placeholder: Node = { type: 'null', value: null, offset: span.start, length: span.end - span.start };
    if (isAlias(value)) {
      this.report(`Invalid YAML: aliases (*${value.source}) are not allowed in a config file; write the value out.`, span, 'error');
      return { node: placeholder, bad: true };
    }
    if (value.tag) {
      const tag = value.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      this.report(`Invalid YAML: tags such as ${tag} are not allowed in a config file; write the plain value.`, { start: this.tagStart(span.start, propsFrom), end: span.end }, 'error');
      return { node: placeholder, bad: true };
    }
    this.anchorOf(value, propsFrom);
    if (isScalar(value)) {
      const v = value.value;
      if (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE') this.quoteStarts.set(span.end, span.start);
      if (typeof v === 'string') return { node: { ...placeholder, type: 'string', value: v }, bad: false };
      if (typeof v === 'number') return { node: { ...placeholder, type: 'number', value: v }, bad: false };
      if (typeof v === 'boolean') return { node: { ...placeholder, type: 'boolean', value: v }, bad: false };
      return { node: placeholder, bad: v !== null };
    }
    if (depth >= MAX_DEPTH) {
      this.report(`Invalid YAML: nested more than ${MAX_DEPTH} levels deep; a config needs four at most.`, span, 'error');
      return { node: placeholder, bad: true };
    }
    if (isMap(value)) {
      let bad = false;
      const node = this.mapping(value, depth, (_, itemBad) => {
        bad ||= itemBad;
        return true;
      });
      return { node, bad };
    }
    if (isSeq(value)) {
      let bad = false;
      let from = span.start;
      const children: Node[] = [];
      for (const item of value.items as YamlNode[]) {
        const converted = this.convert(item, depth + 1, from);
        bad ||= converted.bad;
        children.push(converted.node);
        from = converted.node.offset + converted.node.length;
      }
      return { node: { type: 'array', offset: span.start, length: span.end - span.start, children }, bad };
    }
    return { node: placeholder, bad: true };
  }

  /**
   * A mapping as an object node. A key that is not a plain value, or that repeats an earlier
   * one (the first applies), is reported and left out; `keep` decides for each other property.
   */
  private mapping(map: { items: Pair[] }, depth: number, keep: (property: Node, bad: boolean) => boolean): Node {
    const span = rangeOf(map as NonNullable<YamlNode>);
    const children: Node[] = [];
    const keys = new Set<string>();
    for (const pair of map.items) {
      const key = pair.key as YamlNode;
      const keySpan = key ? rangeOf(key) : { start: span.start, end: span.start };
      if (!isScalar(key) || key.tag) {
        if (isAlias(key) || key?.tag) this.convert(key, depth + 1, span.start);
        else this.report('Invalid YAML: a key must be a plain name, not a list or a mapping.', keySpan, 'error');
        continue;
      }
      this.anchorOf(key, span.start);
      const name = typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
      if (keys.has(name)) {
        this.report(`Invalid YAML: duplicate key "${name}"; the first one applies.`, keySpan, 'error');
        continue;
      }
      keys.add(name);
      const value = this.convert(pair.value as YamlNode, depth + 1, keySpan.end);
      const keyNode: Node = { type: 'string', value: name, offset: keySpan.start, length: keySpan.end - keySpan.start };
      const end = Math.max(keySpan.end, value.node.offset + value.node.length);
      const property: Node = { type: 'property', offset: keySpan.start, length: end - keySpan.start, children: [keyNode, value.node] };
      if (keep(property, value.bad)) children.push(property);
    }
    return { type: 'object', offset: span.start, length: span.end - span.start, children };
  }

  /** Anchors are harmless alone, but have no use when aliases are refused: a warning. */
  private anchorOf(node: { anchor?: string; range?: unknown }, propsFrom: number): void {
    if (!node.anchor) return;
    const span = rangeOf(node as NonNullable<YamlNode>);
    const at = this.text.lastIndexOf(`&${node.anchor}`, span.start);
    const where = at >= propsFrom ? { start: at, end: at + 1 + node.anchor.length } : span;
    this.report(`Invalid YAML: anchors (&${node.anchor}) have no use in a config file, where aliases are not allowed.`, where, 'warning');
  }

  /** Where the tag before a node is written (`!foo`, `!!js/function`), or the node's start. */
  private tagStart(nodeStart: number, propsFrom: number): number {
    let at = this.text.lastIndexOf('!', nodeStart - 1);
    if (at < propsFrom) return nodeStart;
    while (at > propsFrom && !/[\s,[\]{}]/.test(this.text[at - 1])) at--;
    return at;
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }
}

/** A node's value span: its range without the comments and line breaks after it. */
function rangeOf(node: NonNullable<YamlNode>): Span {
  const range = (node as { range?: [number, number, number] | null }).range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/** The line holding `offset`, from `offset` to its end. */
function lineAt(text: string, offset: number): Span {
  const start = Math.min(offset, text.length);
  const newline = text.slice(start).search(/[\r\n]/);
  return { start, end: newline < 0 ? text.length : start + newline };
}

/** The first index of a sorted list whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
