// A production: every screenplay, notes file and config in a folder tree, as plain text. It
// knows which screenplay a notes file is read against (one in the same folder, else the
// nearest above, else the only one there is), which config applies to a file (the nearest
// `.genai-review.json`, `.yaml` or `.yml` above it, over the editor's settings), and re-reads
// only what changed: a file is parsed once per text, notes are classified once per text and
// context.
import path from 'node:path';
import { analyzeDocument, type PausePoint, type ScriptContext } from './analysis';
import type { GenaiReviewConfig } from './config/config';
import { CONFIG_FILE_NAMES, configFormatOf, isConfigFileName } from './config/configFiles';
import { mergeConfig, parseConfig } from './config/parseConfig';
import { documentKindForPath, readDocument } from './documents';
import type { Finding } from './findings';
import type { ParseProblem, ProductionDocument, Span } from './types';

export { CONFIG_FILE_NAMES, isConfigFileName };
/** The JSON config's name (scripts/eval.ts writes one); CONFIG_FILE_NAMES has every name. */
export const CONFIG_FILE_NAME = CONFIG_FILE_NAMES[0];

/**
 * Keys a config file may set only in a workspace the user trusts: each is a pattern from the
 * workspace that the review would run (a regular expression, globs). Until the workspace is
 * trusted their defaults apply, and the config file says so at each key.
 */
export const TRUST_RESTRICTED_KEYS = ['approvalPattern', 'include', 'exclude'] as const;

/** Untrusted, a config file may lower the size limit but not raise it: a huge limit would have the review read whatever the workspace holds. */
function raisesSizeLimit(values: Partial<GenaiReviewConfig>, base: Partial<GenaiReviewConfig>): boolean {
  return values.maxFileSizeBytes !== undefined && values.maxFileSizeBytes > mergeConfig(base).maxFileSizeBytes;
}

interface FileEntry {
  text: string;
  doc?: ProductionDocument;
  /** The document of the text before, until this text is read: the reader re-reads only what changed. */
  previous?: ProductionDocument;
}

interface ConfigEntry {
  text: string;
  values: Partial<GenaiReviewConfig>;
  problems: ParseProblem[];
  keySpans: Partial<Record<keyof GenaiReviewConfig, Span>>;
}

export interface ResolvedConfig {
  config: GenaiReviewConfig;
  /** The config file that applies, if any. */
  path?: string;
}

/** Paths are absolute, with forward slashes (the LSP layer and the CLI convert to and from them). */
export class Production {
  private readonly files = new Map<string, FileEntry>();
  private readonly configs = new Map<string, ConfigEntry>();
  private baseConfig: Partial<GenaiReviewConfig>;
  /** Kept until a file is added or removed: the sorted paths, and the screenplays by folder. */
  private layout: { paths: string[]; scriptsByDir: Map<string, string[]>; scriptCount: number; onlyScript?: string } | undefined;
  /** `screenplayFor` answers, kept until the files change in a way that can change them. */
  private readonly screenplayOf = new Map<string, string | undefined>();
  private workspaceTrusted = true;

  constructor(baseConfig: Partial<GenaiReviewConfig> = {}) {
    this.baseConfig = baseConfig;
  }

  /** Settings from the editor, under any config file. */
  setBaseConfig(baseConfig: Partial<GenaiReviewConfig>): void {
    this.baseConfig = baseConfig;
  }

  /**
   * Whether the user trusts the workspace the config files come from (the editor's workspace
   * trust). Untrusted, their TRUST_RESTRICTED_KEYS are ignored.
   */
  setWorkspaceTrusted(trusted: boolean): void {
    this.workspaceTrusted = trusted;
  }

  isWorkspaceTrusted(): boolean {
    return this.workspaceTrusted;
  }

  static isConfigPath(p: string): boolean {
    return isConfigFileName(path.posix.basename(p));
  }

  /** Adds or updates a file; returns false when its kind is not one the review reads. */
  setFile(p: string, text: string): boolean {
    if (Production.isConfigPath(p)) {
      this.setConfig(p, text);
      return true;
    }
    if (!documentKindForPath(p)) return false;
    const known = this.files.get(p);
    if (known && known.text === text) return true;
    this.files.set(p, { text, previous: known?.doc ?? known?.previous });
    if (!known) this.layoutChanged();
    else if (this.isScreenplay(p) && (this.getLayout().scriptsByDir.get(path.posix.dirname(p))?.length ?? 0) > 1) {
      // Which of several screenplays in a folder a notes file follows depends on how much they speak.
      this.screenplayOf.clear();
    }
    return true;
  }

  removeFile(p: string): void {
    if (this.files.delete(p)) this.layoutChanged();
    this.configs.delete(p);
  }

  private layoutChanged(): void {
    this.layout = undefined;
    this.screenplayOf.clear();
  }

  private getLayout(): NonNullable<Production['layout']> {
    if (!this.layout) {
      const paths = [...this.files.keys()].sort();
      const scriptsByDir = new Map<string, string[]>();
      let scriptCount = 0;
      let onlyScript: string | undefined;
      for (const p of paths) {
        if (!this.isScreenplay(p)) continue;
        const dir = path.posix.dirname(p);
        const here = scriptsByDir.get(dir);
        if (here) here.push(p);
        else scriptsByDir.set(dir, [p]);
        scriptCount++;
        onlyScript = p;
      }
      this.layout = { paths, scriptsByDir, scriptCount, onlyScript: scriptCount === 1 ? onlyScript : undefined };
    }
    return this.layout;
  }

  has(p: string): boolean {
    return this.files.has(p) || this.configs.has(p);
  }

  /** The text the production holds for a file or config (what its spans index into). */
  text(p: string): string | undefined {
    return this.files.get(p)?.text ?? this.configs.get(p)?.text;
  }

  paths(): string[] {
    return [...this.getLayout().paths];
  }

  configPaths(): string[] {
    return [...this.configs.keys()].sort();
  }

  private setConfig(p: string, text: string): void {
    const known = this.configs.get(p);
    if (known && known.text === text) return;
    const name = path.posix.basename(p);
    const parsed = parseConfig(text, isConfigFileName(name) ? configFormatOf(name) : 'json');
    this.configs.set(p, { text, values: parsed.values, problems: parsed.problems, keySpans: parsed.keySpans });
  }

  /**
   * Problems of a config file, with their places in it; untrusted, the keys not used. A file
   * that another config file in its folder overrules says so first.
   */
  configProblems(p: string): ParseProblem[] {
    const entry = this.configs.get(p);
    if (!entry) return [];
    const applying = this.configIn(path.posix.dirname(p));
    if (applying && applying !== p) {
      const firstLine = entry.text.search(/[\r\n]|$/);
      return [{ message: `Ignored: ${path.posix.basename(applying)} in the same folder applies.`, span: { start: 0, end: firstLine }, severity: 'warning' }, ...entry.problems];
    }
    if (this.workspaceTrusted) return entry.problems;
    const restricted: ParseProblem[] = [];
    for (const key of TRUST_RESTRICTED_KEYS) {
      const span = entry.keySpans[key];
      if (!span) continue;
      const what = key === 'approvalPattern' ? 'it is a regular expression from the workspace; the built-in pattern is used' : `its globs come from the workspace; the default ${key} globs are used`;
      restricted.push({ message: `"${key}" is not used until you trust this workspace: ${what}.`, span, severity: 'information' });
    }
    const sizeSpan = entry.keySpans.maxFileSizeBytes;
    if (sizeSpan && raisesSizeLimit(entry.values, this.baseConfig)) {
      const limit = mergeConfig(this.baseConfig).maxFileSizeBytes;
      restricted.push({ message: `"maxFileSizeBytes" may only lower the limit until you trust this workspace; files over ${limit} bytes are skipped.`, span: sizeSpan, severity: 'information' });
    }
    return [...entry.problems, ...restricted];
  }

  /** A config file's values that apply: all of them in a trusted workspace. */
  private valuesOf(entry: ConfigEntry): Partial<GenaiReviewConfig> {
    if (this.workspaceTrusted) return entry.values;
    const values = { ...entry.values };
    for (const key of TRUST_RESTRICTED_KEYS) delete values[key];
    if (raisesSizeLimit(values, this.baseConfig)) delete values.maxFileSizeBytes;
    return values;
  }

  /** The nearest config file at or above the file's folder, over the editor's settings. */
  configFor(p: string): ResolvedConfig {
    for (let dir = path.posix.dirname(p); ; dir = path.posix.dirname(dir)) {
      const candidate = this.configIn(dir);
      if (candidate) return { config: mergeConfig(this.baseConfig, this.valuesOf(this.configs.get(candidate)!)), path: candidate };
      if (dir === path.posix.dirname(dir)) break;
    }
    return { config: mergeConfig(this.baseConfig) };
  }

  /** The config file that applies in a folder: of those it holds, the first in CONFIG_FILE_NAMES. */
  private configIn(dir: string): string | undefined {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.posix.join(dir, name);
      if (this.configs.has(candidate)) return candidate;
    }
    return undefined;
  }

  document(p: string): ProductionDocument | undefined {
    const entry = this.files.get(p);
    if (!entry) return undefined;
    if (!entry.doc) {
      const kind = documentKindForPath(p);
      if (!kind) return undefined;
      entry.doc = readDocument(kind, entry.text, entry.previous);
      entry.previous = undefined;
    }
    return entry.doc;
  }

  private isScreenplay(p: string): boolean {
    const kind = documentKindForPath(p);
    return kind === 'fountain' || kind === 'fdx';
  }

  /**
   * The screenplay whose cast and settings a file's notes are read against: the file itself
   * when it is one; else a screenplay in the same folder (the one sharing the most of the
   * file's name, then the one with the most dialogue); else the nearest folder above that has
   * one; else the workspace's only screenplay.
   */
  screenplayFor(p: string): string | undefined {
    if (this.isScreenplay(p)) return p;
    if (this.screenplayOf.has(p)) return this.screenplayOf.get(p);
    const found = this.findScreenplay(p);
    this.screenplayOf.set(p, found);
    return found;
  }

  private findScreenplay(p: string): string | undefined {
    const { scriptsByDir, scriptCount, onlyScript } = this.getLayout();
    if (scriptCount === 0) return undefined;
    const stem = path.posix.basename(p).replace(/\.[^.]+$/, '').toLowerCase();
    for (let dir = path.posix.dirname(p); ; dir = path.posix.dirname(dir)) {
      const here = scriptsByDir.get(dir);
      if (here) return this.pickScript(here, stem);
      if (dir === path.posix.dirname(dir)) break;
    }
    return onlyScript;
  }

  private pickScript(candidates: string[], stem: string): string {
    const shared = (s: string) => {
      const other = path.posix.basename(s).replace(/\.[^.]+$/, '').toLowerCase();
      let n = 0;
      while (n < other.length && n < stem.length && other[n] === stem[n]) n++;
      return n;
    };
    const speeches = (s: string) => (this.document(s)?.script?.characters ?? []).reduce((sum, c) => sum + c.speeches, 0);
    return [...candidates].sort((a, b) => shared(b) - shared(a) || speeches(b) - speeches(a) || a.localeCompare(b))[0];
  }

  scriptContext(p: string): ScriptContext | undefined {
    const scriptPath = this.screenplayFor(p);
    if (!scriptPath) return undefined;
    const facts = this.document(scriptPath)?.script;
    if (!facts) return undefined;
    return scriptPath === p ? { facts } : { facts, path: scriptPath };
  }

  /** Findings of one file; `pause` lets a long analysis be spread over time (analysis.ts). */
  analyze(p: string, pause?: PausePoint): Finding[] {
    const doc = this.document(p);
    if (!doc) return [];
    return analyzeDocument(doc, { config: this.configFor(p).config, script: this.scriptContext(p), pause });
  }

  /** Files whose findings may change when `p` changes: itself, notes read against it, files under a config. */
  dependents(p: string): string[] {
    if (Production.isConfigPath(p)) {
      const dir = path.posix.dirname(p);
      return this.getLayout().paths.filter((x) => x.startsWith(dir.endsWith('/') ? dir : dir + '/'));
    }
    if (!this.isScreenplay(p)) return this.files.has(p) ? [p] : [];
    return this.getLayout().paths.filter((x) => x === p || this.screenplayFor(x) === p);
  }
}
