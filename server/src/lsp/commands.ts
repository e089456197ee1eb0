// The server's commands (workspace/executeCommand): the disclosure summary of the workspace or
// of the files passed, and a rescan of the workspace. They return data and never wait on the
// user, so a client or a test can drive them directly.
import { ResponseError, ErrorCodes, type ExecuteCommandParams } from 'vscode-languageserver';
import { folderTitle, summarizeProduction } from '../core/disclosure/productionSummary';
import { renderSummaryMarkdown } from '../core/disclosure/renderSummary';
import { ServerCommands, type RescanResult, type SummaryArguments, type SummaryResult } from '../protocol';
import type { ReviewSession } from './session';

export interface CommandDeps {
  session: ReviewSession;
  now: () => Date;
}

export const SERVER_COMMANDS: readonly string[] = Object.values(ServerCommands);

/** URIs from `[{ uris: [...] }]`, `[[...]]` or `[uri, uri…]`; none means the whole workspace. */
function urisOf(args: readonly unknown[] | undefined): string[] | undefined {
  if (!args || args.length === 0) return undefined;
  const [first] = args;
  if (first && typeof first === 'object' && !Array.isArray(first) && Array.isArray((first as SummaryArguments).uris)) return (first as SummaryArguments).uris!.filter((u) => typeof u === 'string');
  if (Array.isArray(first)) return first.filter((u): u is string => typeof u === 'string');
  const strings = args.filter((u): u is string => typeof u === 'string');
  return strings.length > 0 ? strings : undefined;
}

function summaryPaths(session: ReviewSession, uris: string[] | undefined): string[] {
  const { production } = session;
  return uris ? uris.map((u) => session.pathOf(u)).filter((p): p is string => p !== undefined && production.document(p) !== undefined) : production.paths();
}

export function summaryOf(deps: CommandDeps, uris: string[] | undefined): SummaryResult {
  const { session } = deps;
  const { production } = session;
  const paths = summaryPaths(session, uris);
  const summary = summarizeProduction(production, paths, {
    now: deps.now(),
    displayPath: (p) => session.files.displayPath(p),
    fallbackTitle: folderTitle(session.files.getRoots()[0]),
  });
  return { markdown: renderSummaryMarkdown(summary), json: summary as unknown as SummaryResult['json'] };
}

export function createExecuteCommandHandler(deps: CommandDeps) {
  return async (params: ExecuteCommandParams): Promise<SummaryResult | RescanResult> => {
    switch (params.command) {
      case ServerCommands.summary: {
        await deps.session.whenScanned();
        const uris = urisOf(params.arguments);
        // Each file's analysis in slices first, so a large production never holds up the
        // messages behind the command; the summary then reads what is already worked out.
        for (const p of summaryPaths(deps.session, uris)) await deps.session.resultInSlices(p, () => false);
        return summaryOf(deps, uris);
      }
      case ServerCommands.rescan:
        await deps.session.rescan();
        return { files: deps.session.production.paths().length + deps.session.production.configPaths().length };
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}`);
    }
  };
}
