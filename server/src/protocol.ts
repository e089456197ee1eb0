// The whole client/server API beyond standard LSP, in one typed file: command ids, the custom
// notification, the settings section. The client imports only this file from the server side,
// so it must stay free of imports that would pull analysis code into the client bundle.

/** Source of every diagnostic (shown in the Problems panel). */
export const DIAGNOSTIC_SOURCE = 'GenAI Review';

/** Settings section read through `workspace/configuration`; every setting is `genaiReview.*`. */
export const SETTINGS_SECTION = 'genaiReview';

/** Commands the server runs through `workspace/executeCommand`. */
export const ServerCommands = {
  /**
   * The disclosure summary of the whole workspace, or of the files whose URIs are passed
   * (`arguments: [{ uris: string[] }]` or `arguments: [uri, uri, …]`). Returns `SummaryResult`.
   */
  summary: 'genaiReview.summary',
  /** Re-reads every matching file from disk and re-checks it. Returns `RescanResult`. */
  rescan: 'genaiReview.rescan',
} as const;

export interface SummaryArguments {
  uris?: string[];
}

export interface SummaryResult {
  /** The summary as a Markdown document, ready to save or send. */
  markdown: string;
  /** The same content as data (`DisclosureSummary` of server/src/core/disclosure/summary.ts). */
  json: SummaryJson;
}

/** Shape of the JSON summary, as much as a client needs to know of it. */
export interface SummaryJson {
  version: 1;
  title: string;
  date: string;
  counts: { total: number; byOutcome: Record<'approval-required' | 'approved' | 'disclose', number> };
  [key: string]: unknown;
}

export interface RescanResult {
  /** Files the review now reads (screenplays, notes files, configs). */
  files: number;
}

/** Commands the client contributes to the command palette (category "GenAI Review"). */
export const ClientCommands = {
  generateSummary: 'genaiReview.generateSummary',
  rescanWorkspace: 'genaiReview.rescanWorkspace',
  showOutput: 'genaiReview.showOutput',
  /** Opens the Problems panel; the status bar item runs it. */
  showProblems: 'genaiReview.showProblems',
} as const;

/** Server → client after each analysis pass: drives the status bar item. */
export const StatusNotification = {
  method: 'genaiReview/status',
} as const;

export interface StatusParams {
  /** AI uses in the workspace that need written approval and cite none. */
  approvalRequired: number;
  approved: number;
  disclose: number;
  /** Files the review reads. */
  files: number;
}

/** What the client passes in `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  /**
   * VS Code's workspace trust. False: no pattern from the workspace runs (a config file's
   * approvalPattern, include, exclude). Absent: trusted, as for editors without the notion.
   */
  workspaceTrusted?: boolean;
}

/** Client → server when the user grants (or an editor withdraws) trust in the workspace. */
export const WorkspaceTrustNotification = {
  method: 'genaiReview/workspaceTrust',
} as const;

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** Code action kind of the "for every finding in this file" source actions. */
export const SOURCE_ACTION_KIND = 'source.genaiReview';
