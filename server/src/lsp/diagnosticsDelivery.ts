// Gets diagnostics to the client: pulled (textDocument/diagnostic and workspace/diagnostic, LSP
// 3.17) where the client supports it, pushed otherwise. Either way the client's requests and
// edits are never held up by analysis of other files: results are computed per file on demand
// and only what changed is sent. Also sends the status counts behind the status bar item.
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type DocumentDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { StatusNotification, type StatusParams } from '../protocol';
import type { ReviewSession } from './session';
import { slicer, yieldToQueue } from './slices';

export interface DeliveryOptions {
  pull: boolean;
  /** The client re-pulls when asked (`workspace/diagnostic/refresh`). */
  refreshSupport: boolean;
}

/** Time to let a burst of changes settle before recounting the whole workspace for the status bar. */
const STATUS_DELAY_MS = 50;

function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'A newer change arrived', { retriggerRequest: true });
}

export interface Delivery {
  /** After shutdown: nothing more is sent. */
  dispose(): void;
}

export function startDiagnosticsDelivery(connection: Connection, session: ReviewSession, options: DeliveryOptions): Delivery {
  const status = statusReporter(connection, session);
  let stopped = false;
  if (options.pull) startPull(connection, session, options);
  else startPush(connection, session, () => stopped);
  session.onChanged(() => status.schedule());
  return {
    dispose: () => {
      stopped = true;
      status.dispose();
    },
  };
}

function startPull(connection: Connection, session: ReviewSession, options: DeliveryOptions): void {
  /** What the client last received per file: the result id and, for open files, the version. */
  const sent = new Map<string, { resultId: string; version?: number }>();
  /** Removed files and their URIs, reported once as empty. */
  const removed = new Map<string, string>();

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    await session.whenScanned();
    await yieldToQueue();
    if (token.isCancellationRequested) throw cancelled();
    const p = session.pathOf(params.textDocument.uri);
    if (!p || !session.production.has(p) && !session.skipped.has(p)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // A file of thousands of notes is analysed in slices; the client cancels for a newer edit.
    const result = await session.resultInSlices(p, () => token.isCancellationRequested);
    if (!result) throw cancelled();
    if (!session.production.has(p) && !session.skipped.has(p)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    sent.set(p, { resultId: result.resultId, version: session.openDocument(p)?.version });
    if (params.previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.diagnostics };
  });

  connection.languages.diagnostics.onWorkspace(async (params, token: CancellationToken) => {
    await session.whenScanned();
    await yieldToQueue();
    if (token.isCancellationRequested) throw cancelled();
    const previous = new Map((params.previousResultIds ?? []).map((r) => [r.uri, r.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const clock = slicer();
    // Every file of the workspace can take long: between files, a cancellation (the client's,
    // for a newer edit) ends the pass; results computed so far are kept for the next one.
    for (const p of session.reportedPaths()) {
      const result = await session.resultInSlices(p, () => token.isCancellationRequested, clock);
      if (!result) throw cancelled();
      if (!session.production.has(p) && !session.skipped.has(p)) continue; // removed meanwhile
      const uri = session.uriOf(p);
      const version = session.openDocument(p)?.version ?? null;
      if (previous.get(uri) === result.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId: result.resultId });
      else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: result.resultId, items: result.diagnostics });
    }
    // Removed files are reported once, by the pass that completes.
    for (const uri of removed.values()) items.unshift({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    removed.clear();
    return { items };
  });

  // An edit pulls its own document; other open documents it affects (notes read against an
  // edited screenplay, files under an edited config) are refreshed when their result changed.
  let refreshPending = false;
  session.onChanged((_paths, gone) => {
    for (const p of gone) {
      removed.set(p, session.uriOf(p));
      sent.delete(p);
    }
    if (!options.refreshSupport || refreshPending) return;
    refreshPending = true;
    setImmediate(() => {
      refreshPending = false;
      const stale = session.reportedPaths().some((p) => {
        const doc = session.openDocument(p);
        if (!doc) return false;
        const last = sent.get(p);
        if (last && last.version !== doc.version) return false; // the client pulls an edited document itself
        return !last || session.result(p).resultId !== last.resultId;
      });
      if (stale) connection.languages.diagnostics.refresh().catch(() => undefined);
    });
  });
}

function startPush(connection: Connection, session: ReviewSession, stopped: () => boolean): void {
  /** What the client last received per file: the result id and the open version it was for. */
  const published = new Map<string, { resultId: string; version?: number }>();
  const pending = new Set<string>();
  /** Removed files and their URIs, taken when told (an untitled document's URI is forgotten after). */
  const removed = new Map<string, string>();
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    for (const [p, uri] of removed) {
      if (published.delete(p)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    removed.clear();
    const batch = [...pending];
    pending.clear();
    const clock = slicer();
    for (const p of batch) {
      // Changed again while this pass waited or worked on it (a newer edit): the next pass has
      // it, on the new text.
      const result = await session.resultInSlices(p, () => pending.has(p) || stopped(), clock);
      if (stopped()) return;
      if (!result || pending.has(p)) continue;
      if (!session.production.has(p) && !session.skipped.has(p)) continue; // removed meanwhile
      const version = session.openDocument(p)?.version;
      const last = published.get(p);
      if (last && last.resultId === result.resultId && last.version === version) continue;
      published.set(p, { resultId: result.resultId, version });
      void connection.sendDiagnostics({ uri: session.uriOf(p), version, diagnostics: result.diagnostics });
    }
  };

  session.onChanged((paths, gone) => {
    for (const p of paths) pending.add(p);
    for (const p of gone) {
      pending.delete(p);
      removed.set(p, session.uriOf(p));
    }
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  });
}

function statusReporter(connection: Connection, session: ReviewSession): { schedule(): void; dispose(): void } {
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  let disposed = false;
  /** Bumped by every change: a count still running for an older state gives up. */
  let generation = 0;
  const sendNow = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const started = generation;
    const counts: StatusParams = { approvalRequired: 0, approved: 0, disclose: 0, files: session.production.paths().length };
    const clock = slicer();
    for (const p of session.production.paths()) {
      // Counting can mean analysing every file: in slices, and abandoned for a newer change.
      const result = await session.resultInSlices(p, () => disposed || started !== generation, clock);
      if (!result) return;
      for (const f of result.findings) {
        if (f.outcome === 'approval-required') counts.approvalRequired++;
        else if (f.outcome === 'approved') counts.approved++;
        else counts.disclose++;
      }
    }
    const key = JSON.stringify(counts);
    if (key === last) return;
    last = key;
    void connection.sendNotification(StatusNotification.method, counts);
  };
  return {
    schedule() {
      if (disposed) return;
      generation++;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void sendNow(), STATUS_DELAY_MS);
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
