// Reads `.genai-review.json` (or `.yaml`) text into a config, reporting every problem with its
// place in the file: invalid JSON or YAML, wrong types, unknown keys, patterns that do not
// compile or could hang. Whatever is wrong falls back to the default for that key, so a typo
// never stops the review. The checks work on the file's tree (configTree.ts, yamlTree.ts), not
// on its text, so both formats get the same ones.
import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
import { CATEGORY_IDS } from '../categories';
import type { ParseProblem, Span } from '../types';
import { defaultConfig, type GenaiReviewConfig, type SeverityKey } from './config';
import type { ConfigFormat } from './configFiles';
import { readJsonTree, type ConfigTree } from './configTree';
import { checkUserGlob, checkUserPattern } from './userPattern';
import { readYamlTree } from './yamlTree';

export interface ParsedConfig {
  /** Only the keys the file sets, validated. */
  values: Partial<GenaiReviewConfig>;
  problems: ParseProblem[];
  /** Where each known key is written in the file. */
  keySpans: Partial<Record<keyof GenaiReviewConfig, Span>>;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const SEVERITY_KEYS: SeverityKey[] = [...CATEGORY_IDS, 'approved', 'disclose'];
const KNOWN_KEYS = ['$schema', 'productionTitle', 'productionType', 'mainCharacters', 'centralSettings', 'cast', 'markers', 'approvalPattern', 'severity', 'include', 'exclude', 'clearedTools', 'maxFileSizeBytes'];

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

export function parseConfig(text: string, format: ConfigFormat = 'json'): ParsedConfig {
  return format === 'yaml' ? checkConfigTree(readYamlTree(text), 'a YAML mapping') : checkConfigTree(readJsonTree(text), 'a JSON object');
}

/** Every setting of the tree, checked; `mapping` names what the root must be in the file's format. */
function checkConfigTree({ root, problems: syntaxProblems }: ConfigTree, mapping: string): ParsedConfig {
  const problems = [...syntaxProblems];
  const values: Partial<GenaiReviewConfig> = {};
  const keySpans: ParsedConfig['keySpans'] = {};
  if (!root) return { values, problems, keySpans };
  if (root.type !== 'object') {
    problems.push({ message: `The config must be ${mapping}.`, span: spanOf(root), severity: 'error' });
    return { values, problems, keySpans };
  }
  const wrong = (node: Node, message: string) => problems.push({ message, span: spanOf(node), severity: 'error' });

  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (KNOWN_KEYS.includes(key)) keySpans[key as keyof GenaiReviewConfig] = spanOf(keyNode);
    else {
      problems.push({ message: `Unknown setting "${key}"; known settings: ${KNOWN_KEYS.filter((k) => k !== '$schema').join(', ')}.`, span: spanOf(keyNode), severity: 'warning' });
    }
  }

  const node = (key: string) => findNodeAtLocation(root, [key]);
  const stringList = (key: 'mainCharacters' | 'centralSettings' | 'markers' | 'include' | 'exclude' | 'clearedTools') => {
    const n = node(key);
    if (!n) return;
    if (n.type !== 'array' || !(n.children ?? []).every((c) => c.type === 'string')) return wrong(n, `"${key}" must be a list of strings.`);
    const list = getNodeValue(n) as string[];
    if (key === 'markers' && list.some((m) => m.trim() === '')) return wrong(n, '"markers" must not contain an empty marker.');
    if (key === 'include' || key === 'exclude') {
      for (const [i, glob] of list.entries()) {
        const problem = checkUserGlob(glob);
        if (problem) return wrong(n.children![i], `"${key}" glob "${glob}" ${problem}; the default ${key} globs are used instead.`);
      }
    }
    values[key] = list;
  };
  for (const key of ['mainCharacters', 'centralSettings', 'markers', 'include', 'exclude', 'clearedTools'] as const) stringList(key);

  const title = node('productionTitle');
  if (title) {
    if (title.type === 'string') values.productionTitle = title.value as string;
    else wrong(title, '"productionTitle" must be a string.');
  }
  const type = node('productionType');
  if (type) {
    if (type.value === 'scripted' || type.value === 'documentary') values.productionType = type.value;
    else wrong(type, '"productionType" must be "scripted" or "documentary".');
  }
  const size = node('maxFileSizeBytes');
  if (size) {
    if (size.type === 'number' && Number.isInteger(size.value) && (size.value as number) > 0) values.maxFileSizeBytes = size.value as number;
    else wrong(size, '"maxFileSizeBytes" must be a positive whole number of bytes.');
  }
  const cast = node('cast');
  if (cast) {
    if (cast.type !== 'array') wrong(cast, '"cast" must be a list of names or of { "name": …, "role": … } objects.');
    else {
      values.cast = [];
      for (const member of cast.children ?? []) {
        if (member.type === 'string') values.cast.push({ name: member.value as string });
        else if (member.type === 'object') {
          const v = getNodeValue(member) as Record<string, unknown>;
          if (typeof v.name !== 'string' || v.name.trim() === '') wrong(member, 'A cast entry needs a "name" string.');
          else if (v.role !== undefined && typeof v.role !== 'string') wrong(member, 'A cast entry\'s "role" must be a string (the character\'s name).');
          else values.cast.push(v.role ? { name: v.name, role: v.role as string } : { name: v.name });
        } else wrong(member, 'A cast entry is a name or a { "name": …, "role": … } object.');
      }
    }
  }
  const pattern = node('approvalPattern');
  if (pattern) {
    if (pattern.type !== 'string') wrong(pattern, '"approvalPattern" must be a string holding a regular expression.');
    else {
      const problem = checkUserPattern(pattern.value as string);
      if (problem) wrong(pattern, `"approvalPattern" ${problem}; the default approval pattern is used instead.`);
      else values.approvalPattern = pattern.value as string;
    }
  }
  const severity = node('severity');
  if (severity) {
    if (severity.type !== 'object') wrong(severity, '"severity" must be an object mapping category ids to error, warning, information, hint or off.');
    else {
      values.severity = {};
      for (const property of severity.children ?? []) {
        const [k, v] = property.children ?? [];
        if (!k || !v) continue;
        const key = String(k.value);
        if (!SEVERITY_KEYS.includes(key as SeverityKey)) problems.push({ message: `Unknown category "${key}"; use one of ${SEVERITY_KEYS.join(', ')}.`, span: spanOf(k), severity: 'error' });
        else if (!SEVERITIES.includes(String(v.value))) wrong(v, `Severity of "${key}" must be one of ${SEVERITIES.join(', ')}.`);
        else values.severity[key as SeverityKey] = v.value as never;
      }
    }
  }
  return { values, problems, keySpans };
}

/** Layers configs: later layers win, key by key (severity merges per category). */
export function mergeConfig(...layers: Partial<GenaiReviewConfig>[]): GenaiReviewConfig {
  const result = defaultConfig();
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as [keyof GenaiReviewConfig, unknown][]) {
      if (value === undefined) continue;
      if (key === 'severity') result.severity = { ...result.severity, ...(value as GenaiReviewConfig['severity']) };
      else (result as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}
