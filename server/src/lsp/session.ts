// The server's one model of the workspace: the production (core/workspace.ts) fed from open
// documents and from disk, the files the review reads, and the results per file. Handlers get
// this session and nothing else; every change to the production goes through `changed`, which
// invalidates what depends on it and tells the listeners (diagnostics delivery, status).
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { AnalysisPaused, type PausePoint } from '../core/analysis';
import { Production } from '../core/workspace';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { findingToDiagnostic, problemToDiagnostic } from './diagnostics';
import { lineIndexFor, forgetLineIndex } from './positions';
import { Results, type FileResult } from './results';
import { slicer, type Slicer } from './slices';
import { UriMap } from './uris';
import { WorkspaceFiles } from './workspaceFiles';

export interface SessionOptions {
  /** `…README.md#rule-`: a rule id appended gives the rule's documentation. */
  ruleDocsBase?: string;
  log(message: string): void;
}

export const UNTRUSTED_MESSAGE = 'Workspace not trusted: approvalPattern, include and exclude from .genai-review.json (or .yaml) are not used, and maxFileSizeBytes may only lower the limit, until you trust it.';

/** Reading problems shown per file; past this, one diagnostic says how many more there are. */
export const MAX_PROBLEM_DIAGNOSTICS = 100;

/** Pause in typing in a config file before the workspace is read again. */
const RESCAN_DELAY_MS = 150;

export type ChangeListener = (paths: readonly string[], removed: readonly string[]) => void;

export class ReviewSession {
  readonly production = new Production();
  readonly files = new WorkspaceFiles(this.production);
  readonly uris = new UriMap();
  readonly results = new Results((p, pause) => this.computeResult(p, pause));
  /** Files found but not read (too large, binary), with the reason. */
  readonly skipped = new Map<string, string>();
  private readonly listeners: ChangeListener[] = [];
  /**
   * Pending until the first scan has read the workspace: a client pulls diagnostics as soon as
   * it starts, and an answer from an empty production would hide every file not open.
   */
  private scanDone: Promise<void>;
  private firstScanDone!: () => void;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    private readonly options: SessionOptions,
  ) {
    this.scanDone = new Promise((resolve) => (this.firstScanDone = resolve));
  }

  onChanged(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Resolves once the latest workspace scan has read every file. */
  whenScanned(): Promise<void> {
    return this.scanDone;
  }

  pathOf(uri: string): string | undefined {
    return this.uris.toPath(uri, this.documents.get(uri)?.languageId);
  }

  uriOf(path: string): string {
    return this.uris.toUri(path);
  }

  openDocument(path: string): TextDocument | undefined {
    return this.documents.get(this.uriOf(path));
  }

  isOpen(path: string): boolean {
    return this.openDocument(path) !== undefined;
  }

  /** Every file with a result to show: read files, configs and skipped files. */
  reportedPaths(): string[] {
    return [...this.production.paths(), ...this.production.configPaths(), ...this.skipped.keys()];
  }

  /** Re-reads the workspace from disk (open documents keep the editor's text). */
  rescan(): Promise<void> {
    const previous = new Set(this.reportedPaths());
    const waitingForFirst = this.firstScanDone;
    this.scanDone = (async () => {
      const { read, skipped } = await this.files.scan((p) => this.isOpen(p));
      this.skipped.clear();
      // Open documents keep the editor's text, checked against the limits that apply now.
      for (const document of this.documents.all()) {
        const p = this.pathOf(document.uri);
        if (p && this.files.isIncluded(p)) this.takeOpenText(p, document.getText());
      }
      for (const s of skipped) {
        this.skipped.set(s.path, s.skipped!);
        this.options.log(`Skipped ${s.path}: ${s.skipped}`);
      }
      this.options.log(`Workspace scan: read ${read.length} files, skipped ${skipped.length}.`);
      const now = new Set(this.reportedPaths());
      const removed = [...previous].filter((p) => !now.has(p));
      for (const p of removed) this.results.forget(p);
      this.results.invalidateAll();
      this.notify([...now], removed);
    })();
    // Whoever waited for the first scan gets this one's outcome.
    this.scanDone.then(waitingForFirst, waitingForFirst);
    return this.scanDone;
  }

  /** The editor's text of an open document changed (or it was opened). */
  documentChanged(document: TextDocument): void {
    const p = this.pathOf(document.uri);
    if (!p) return;
    if (!this.files.isIncluded(p)) {
      if (this.production.has(p)) this.remove(p);
      return;
    }
    const before = this.production.dependents(p);
    if (!this.takeOpenText(p, document.getText())) {
      this.changed([...new Set([...before, p])]);
      return;
    }
    if (this.isConfig(p)) {
      // A config changes which files count and how every file under it is read; typing in it
      // rescans once the typing pauses. Its own problems show at once.
      this.changed([p]);
      this.scheduleRescan();
      return;
    }
    this.changed(this.production.dependents(p));
  }

  /**
   * Puts the editor's text of `p` into the production, unless it is too large or looks
   * binary: then the file is skipped as it would be on disk, said once in the output.
   */
  private takeOpenText(p: string, text: string): boolean {
    const skip = this.files.skipReasonForText(p, text);
    if (skip) {
      if (!this.skipped.has(p)) this.options.log(`Skipped ${p}: ${skip}`);
      this.production.removeFile(p);
      this.skipped.set(p, skip);
      return false;
    }
    if (this.skipped.delete(p)) this.options.log(`Reviewing ${p} again: it is within the limits now.`);
    this.production.setFile(p, text);
    return true;
  }

  /** The editor closed a document: from now on the file's text is what is on disk. */
  async documentClosed(uri: string): Promise<void> {
    const p = this.pathOf(uri);
    if (!p) return;
    forgetLineIndex(p);
    if (UriMap.isVirtual(p)) {
      // Listeners map the path to its URI as they are told: forget the mapping only after.
      this.remove(p);
      this.uris.forget(uri);
      return;
    }
    await this.fileChangedOnDisk(p);
  }

  /** A file changed, appeared or vanished on disk. */
  async fileChangedOnDisk(p: string): Promise<void> {
    if (this.isOpen(p)) return; // the editor's text wins
    if (this.isConfig(p)) {
      await this.rescan();
      return;
    }
    if (!this.files.isIncluded(p)) {
      if (this.production.has(p)) this.remove(p);
      return;
    }
    const before = this.production.dependents(p);
    const outcome = await this.files.readFromDisk(p);
    const reopened = this.openDocument(p);
    if (reopened) {
      // Opened again while the disk was read (a close then an open): the editor's text wins over
      // what was read, or over its absence.
      this.takeOpenText(p, reopened.getText());
      this.changed([...new Set([...before, ...this.production.dependents(p)])]);
      return;
    }
    if (outcome.skipped) {
      const gone = outcome.skipped === 'no such file';
      if (gone) this.skipped.delete(p);
      else this.skipped.set(p, outcome.skipped);
      this.options.log(gone ? `Removed ${p}` : `Skipped ${p}: ${outcome.skipped}`);
      if (gone) {
        this.results.forget(p);
        this.notify(before.filter((x) => x !== p), [p]);
        return;
      }
    } else {
      this.skipped.delete(p);
    }
    this.changed([...new Set([...before, ...this.production.dependents(p)])]);
  }

  fileDeletedOnDisk(p: string): void {
    if (this.isOpen(p)) return;
    if (this.isConfig(p)) {
      void this.rescan();
      return;
    }
    this.remove(p);
  }

  /**
   * The user trusts the workspace, or not: config files' patterns apply or not, so every file
   * may read differently and the globs may select others.
   */
  setWorkspaceTrusted(trusted: boolean): Promise<void> {
    if (trusted === this.production.isWorkspaceTrusted()) return this.scanDone;
    this.production.setWorkspaceTrusted(trusted);
    this.options.log(trusted ? 'Workspace trusted: patterns from .genai-review.json (or .yaml) apply.' : UNTRUSTED_MESSAGE);
    return this.rescan();
  }

  /** Settings changed: every file may read differently, and the globs may select others. */
  settingsChanged(): Promise<void> {
    return this.rescan();
  }

  private remove(p: string): void {
    const before = this.production.dependents(p);
    this.production.removeFile(p);
    this.skipped.delete(p);
    this.results.forget(p);
    this.notify(before.filter((x) => x !== p), [p]);
  }

  private changed(paths: readonly string[]): void {
    this.notify(paths, []);
  }

  private rescanTimer: NodeJS.Timeout | undefined;

  /** Stops pending work (shutdown): no rescan or notification after this. */
  dispose(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = undefined;
    this.listeners.length = 0;
  }

  private scheduleRescan(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      void this.rescan();
    }, RESCAN_DELAY_MS);
  }

  private notify(paths: readonly string[], removed: readonly string[]): void {
    this.results.invalidate(paths);
    for (const l of this.listeners) l(paths, removed);
  }

  private isConfig(p: string): boolean {
    return Production.isConfigPath(p);
  }

  /** The current result of a file: its findings and diagnostics. */
  result(p: string): FileResult {
    return this.results.get(p);
  }

  /**
   * The current result of a file, computed in slices: a file with thousands of notes never
   * holds up the messages behind it. Between slices, `abandon()` is asked (a newer edit, a
   * cancellation): then the work stops, undefined is returned, and what was classified so far
   * is kept for the next try. The text analysed is always the text at the time of the slice.
   */
  async resultInSlices(p: string, abandon: () => boolean, clock: Slicer = slicer()): Promise<FileResult | undefined> {
    let after = -1;
    for (;;) {
      if (clock.due()) {
        await clock.next();
        if (abandon()) return undefined;
      }
      if (!this.results.isDirty(p)) return this.results.get(p);
      // Removed while the caller waited: nothing to compute (and nothing to keep in the cache).
      if (!this.production.has(p) && !this.skipped.has(p)) return { findings: [], diagnostics: [], resultId: '' };
      const textBefore = this.production.text(p);
      try {
        return this.results.get(p, { after, due: () => clock.due() });
      } catch (e) {
        if (!(e instanceof AnalysisPaused)) throw e;
        // The same text: go on after the note reached. A new text starts again (cached notes are quick).
        after = this.production.text(p) === textBefore ? e.reached : -1;
      }
    }
  }

  private computeResult(p: string, pause?: PausePoint): { findings: FileResult['findings']; diagnostics: Diagnostic[] } {
    const skipped = this.skipped.get(p);
    if (skipped) {
      return {
        findings: [],
        diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message: `GenAI Review did not read this file: ${skipped}.` }],
      };
    }
    const text = this.production.text(p);
    if (text === undefined) return { findings: [], diagnostics: [] };
    const index = lineIndexFor(p, text);
    if (this.isConfig(p)) return { findings: [], diagnostics: this.production.configProblems(p).map((x) => problemToDiagnostic(x, index)) };
    const findings = this.production.analyze(p, pause);
    const uri = this.uriOf(p);
    const locate = (other: string) => {
      const otherText = this.production.text(other);
      return otherText === undefined ? undefined : { uri: this.uriOf(other), index: lineIndexFor(other, otherText) };
    };
    const diagnostics = findings.map((f) => findingToDiagnostic(f, { uri, index, ruleDocsBase: this.options.ruleDocsBase, locate }));
    // Problems the reader met (an unclosed boneyard) matter to the writer too, but a file of a
    // million stray "[[" would send a million diagnostics: the first ones, and how many more.
    const problems = this.production.document(p)?.problems ?? [];
    for (const problem of problems.slice(0, MAX_PROBLEM_DIAGNOSTICS)) diagnostics.push(problemToDiagnostic(problem, index));
    if (problems.length > MAX_PROBLEM_DIAGNOSTICS) {
      const more = problems.length - MAX_PROBLEM_DIAGNOSTICS;
      diagnostics.push({
        ...problemToDiagnostic(problems[MAX_PROBLEM_DIAGNOSTICS], index),
        severity: DiagnosticSeverity.Information,
        message: `${more.toLocaleString('en-US')} more problems reading this file are not shown: fix the first ${MAX_PROBLEM_DIAGNOSTICS} and they may go too.`,
      });
    }
    return { findings, diagnostics };
  }
}
