// The language server's entry point: `node dist/server.js --stdio`, or over IPC when VS Code
// starts it (`--node-ipc`); vscode-languageserver picks the other transports from the arguments.
import { Console } from 'node:console';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, type Connection } from 'vscode-languageserver/node';
import { FrameResync } from './lsp/frameResync';
import { startLanguageServer } from './lsp/languageServer';

/**
 * The README that documents each rule under an anchor `rule-<id>`: in the extension's folder
 * above dist/ (vsce packs it as `readme.md`), or at the top of the sources.
 */
function ruleDocsBase(): string | undefined {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    if (!existsSync(path.join(dir, 'package.json'))) continue;
    const readme = readdirSync(dir).find((name) => name.toLowerCase() === 'readme.md');
    if (readme) return `${pathToFileURL(path.join(dir, readme)).href}#rule-`;
  }
  return undefined;
}

/**
 * Over stdio the input passes through FrameResync, so that a frame with a broken header costs
 * that frame and not every message after it. stdout carries the protocol: anything a library
 * prints goes to stderr (the editor's output channel) instead.
 */
function stdioConnection(): Connection {
  const toStderr = new Console(process.stderr);
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const) {
    (console as unknown as Record<string, unknown>)[method] = toStderr[method].bind(toStderr);
  }
  const input = process.stdin.pipe(
    new FrameResync((bytes, why) => process.stderr.write(`[GenAI Review] Dropped ${bytes} bytes of input: ${why}.\n`)),
  );
  return createConnection(input, process.stdout);
}

startLanguageServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(), { ruleDocsBase: ruleDocsBase() });
