// Lint rules that keep the architecture honest: `core` is pure analysis (no LSP, no editor,
// no network), the client reaches the server only through protocol.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const networkModules = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'node:http', 'node:https', 'node:http2', 'node:net', 'node:tls', 'node:dgram', 'node:dns'];

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
      'no-restricted-imports': ['error', { paths: networkModules.map((name) => ({ name, message: 'Production material never leaves the machine: no network modules.' })) }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: networkModules.map((name) => ({ name, message: 'Production material never leaves the machine: no network modules.' })),
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
        paths: networkModules.map((name) => ({ name, message: 'Production material never leaves the machine: no network modules.' })),
        patterns: [{ group: ['**/server/src/core/**', '**/server/src/lsp/**'], message: 'The client imports only server/src/protocol.ts.' }],
      }],
    },
  },
);
