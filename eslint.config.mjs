// Lint rules that keep the architecture honest: `core` is pure analysis (no LSP, no editor,
// no network), the client reaches the server only through protocol.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const networkModules = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'node:http', 'node:https', 'node:http2', 'node:net', 'node:tls', 'node:dgram', 'node:dns'];
const noNetwork = networkModules.map((name) => ({ name, message: 'Production material never leaves the machine: no network modules.' }));

// The editor side never writes the writer's files: a quick fix is an edit the editor applies,
// a summary opens unsaved. Only the CLI writes, and only the summary file it is asked for.
const fileWrites = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'truncate', 'truncateSync', 'open', 'openSync', 'symlink', 'symlinkSync', 'chmod', 'chmodSync', 'utimes', 'utimesSync'];
const writeMessage = 'The extension and the language server never write files: a fix is an edit the editor applies.';
const noWriteImports = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, importNames: fileWrites, message: writeMessage }));
// Names only the file system uses are banned on any object; common words (open, rm, cp) only on fs.
const fsOnly = (name) => /Sync$|^(writeFile|appendFile|createWriteStream|copyFile)$/.test(name);
const noWriteCalls = [
  ...fileWrites.filter(fsOnly).map((property) => ({ property, message: writeMessage })),
  ...fileWrites.filter((name) => !fsOnly(name)).flatMap((property) => ['fs', 'promises', 'fsp'].map((object) => ({ object, property, message: writeMessage }))),
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tools/**', 'test-results/**', 'test/fixtures/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNetwork, ...noWriteImports] }],
      'no-restricted-properties': ['error', ...noWriteCalls],
    },
  },
  {
    // The CLI writes the summary it was asked for (--summary FILE); its tests make scratch folders.
    files: ['server/src/cli.ts', 'server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noNetwork }],
      'no-restricted-properties': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...noNetwork, ...noWriteImports],
        patterns: [
          { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', '**/lsp/**', '**/lsp', '../server', '../cli'], message: 'core is pure analysis: no LSP or editor imports.' },
        ],
      }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...noNetwork, ...noWriteImports],
        patterns: [{ group: ['**/server/src/core/**', '**/server/src/lsp/**'], message: 'The client imports only server/src/protocol.ts.' }],
      }],
    },
  },
);
