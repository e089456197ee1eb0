// The language server's entry point: `node dist/server.js --stdio`, or over IPC when VS Code
// starts it (`--node-ipc`); vscode-languageserver picks the transport from the arguments.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
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

startLanguageServer(createConnection(), { ruleDocsBase: ruleDocsBase() });
