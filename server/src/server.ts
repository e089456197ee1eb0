// The language server's entry point: `node dist/server.js --stdio`, or over IPC when VS Code
// starts it (`--node-ipc`); vscode-languageserver picks the transport from the arguments.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/languageServer';

/** The README that documents each rule under an anchor `rule-<id>`, next to the bundle or the sources. */
function ruleDocsBase(): string | undefined {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const readme = path.join(dir, 'README.md');
    if (existsSync(readme) && existsSync(path.join(dir, 'package.json'))) return `${pathToFileURL(readme).href}#rule-`;
  }
  return undefined;
}

startLanguageServer(createConnection(), { ruleDocsBase: ruleDocsBase() });
