// Which files of the workspace the review reads, and reading them from disk: the workspace scan
// on start, files changed on disk, and the include/exclude globs of each file's config (so a
// README in a code folder is not linted). Open documents are the editor's business: their text
// comes from the editor, never from disk.
import path from 'node:path';
import { documentKindForPath } from '../core/documents';
import { Production } from '../core/workspace';
import { configsAbove, globMatcher, readTextFile, scanFolder, textSkipReason } from '../node/scan';

export interface ReadOutcome {
  path: string;
  /** Why the file was not read (too large, binary, gone), when it was not. */
  skipped?: string;
}

export class WorkspaceFiles {
  private roots: string[] = [];
  private readonly matchers = new Map<string, (relative: string) => boolean>();

  constructor(private readonly production: Production) {}

  setRoots(roots: readonly string[]): void {
    // Longest first: a file belongs to the innermost folder that holds it.
    this.roots = [...new Set(roots)].sort((a, b) => b.length - a.length);
  }

  getRoots(): readonly string[] {
    return this.roots;
  }

  /** The workspace folder holding `p`, if any. */
  rootOf(p: string): string | undefined {
    return this.roots.find((r) => p === r || p.startsWith(r.endsWith('/') ? r : `${r}/`));
  }

  /** `p` as the reader should see it: relative to its workspace folder. */
  displayPath(p: string): string {
    const root = this.rootOf(p);
    return root ? path.posix.relative(root, p) : path.posix.basename(p);
  }

  /** Whether the review reads `p`: a config file, or a file its config's globs select. */
  isIncluded(p: string): boolean {
    if (Production.isConfigPath(p)) return true;
    if (!documentKindForPath(p)) return false;
    const root = this.rootOf(p);
    // Outside every workspace folder, the globs see the file's name alone.
    const relative = root ? path.posix.relative(root, p) : path.posix.basename(p);
    const { config } = this.production.configFor(p);
    const key = JSON.stringify([config.include, config.exclude]);
    let matcher = this.matchers.get(key);
    if (!matcher) {
      matcher = globMatcher({ include: config.include, exclude: config.exclude });
      this.matchers.set(key, matcher);
    }
    return matcher(relative);
  }

  /**
   * Every config and readable file under the workspace folders, configs first (their globs
   * decide which other files count). `isOpen` files keep the editor's text.
   */
  async scan(isOpen: (p: string) => boolean): Promise<{ read: string[]; skipped: ReadOutcome[] }> {
    const found = new Set<string>();
    const configs = new Set<string>();
    for (const root of this.roots) {
      // Every file of a kind the review reads; each file's own config filters below.
      const { files, configs: c } = await scanFolder(root, { include: ['**/*'], exclude: this.production.configFor(`${root}/_`).config.exclude });
      files.filter((f) => documentKindForPath(f)).forEach((f) => found.add(f));
      c.forEach((x) => configs.add(x));
      // A config above the folder applies to it too.
      for (const x of await configsAbove(root)) configs.add(x);
    }
    for (const known of [...this.production.paths(), ...this.production.configPaths()]) {
      if (this.rootOf(known) && !found.has(known) && !configs.has(known) && !isOpen(known)) this.production.removeFile(known);
    }
    const read: string[] = [];
    const skipped: ReadOutcome[] = [];
    const load = async (p: string) => {
      if (isOpen(p)) return;
      const outcome = await this.readFromDisk(p);
      if (outcome.skipped) skipped.push(outcome);
      else read.push(p);
    };
    await inBatches([...configs], load);
    const included = new Set([...found].filter((p) => this.isIncluded(p)));
    for (const p of found) if (!included.has(p) && !isOpen(p)) this.production.removeFile(p);
    await inBatches([...included], load);
    return { read, skipped };
  }

  /** Why the editor's text of `p` is not reviewed (too large, binary), if it is not. */
  skipReasonForText(p: string, text: string): string | undefined {
    if (Production.isConfigPath(p)) return undefined;
    return textSkipReason(text, this.production.configFor(p).config.maxFileSizeBytes);
  }

  /** Reads `p` into the production; a file that cannot be read is removed from it. */
  async readFromDisk(p: string): Promise<ReadOutcome> {
    const maxBytes = this.production.configFor(p).config.maxFileSizeBytes;
    const result = await readTextFile(p, maxBytes);
    if (!result.ok) {
      this.production.removeFile(p);
      return { path: p, skipped: result.reason };
    }
    this.production.setFile(p, result.text);
    return { path: p };
  }
}

/** Runs `work` on every item, a few at a time: fast on many small files, bounded in open handles. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>, size = 32): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
