// Loads this extension's grammars the way VS Code does: the grammar contributions and their
// injectTo lists come from package.json, tokenizing is done by vscode-textmate on the
// vscode-oniguruma WebAssembly regex engine (the two libraries VS Code itself uses). Markdown is
// VS Code's own markdown-basics grammar, shipped in the tm-grammars package, so the tests see
// the injection on top of the Markdown highlighting a user sees.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}

function grammarContributions(): GrammarContribution[] {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: GrammarContribution[] };
  };
  return manifest.contributes?.grammars ?? [];
}

/** Host grammars from VS Code that our injection targets (tm-grammars ships them unchanged). */
const hostGrammarFiles: Record<string, string> = {
  'text.html.markdown': 'tm-grammars/grammars/markdown.json',
};

let registry: textmate.Registry | undefined;

function createRegistry(): textmate.Registry {
  const contributions = grammarContributions();
  const files = new Map<string, string>();
  for (const c of contributions) files.set(c.scopeName, path.join(repoRoot, c.path));
  for (const [scope, file] of Object.entries(hostGrammarFiles)) files.set(scope, require.resolve(file));

  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));

  return new textmate.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      // Languages embedded in Markdown code blocks (source.js...) are not needed: their blocks
      // are still recognised as code, only not coloured inside.
      if (!file) return null;
      return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) =>
      contributions.filter((c) => c.injectTo?.includes(scopeName)).map((c) => c.scopeName),
  });
}

/** One registry per test run, as VS Code keeps one per window. */
export function grammarRegistry(): textmate.Registry {
  registry ??= createRegistry();
  return registry;
}

export async function loadGrammar(scopeName: string): Promise<textmate.IGrammar> {
  const grammar = await grammarRegistry().loadGrammar(scopeName);
  if (!grammar) throw new Error(`No grammar for ${scopeName}`);
  return grammar;
}

export interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes a whole document line by line, carrying the rule stack as the editor does. */
export function tokenizeDocument(grammar: textmate.IGrammar, text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}
