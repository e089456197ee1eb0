// The extension a user installs from the .vsix starts in the editor on its own when a folder
// with a screenplay is opened, and brings its commands and the Fountain language with it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import { EXAMPLE_FILES, exampleUri, SCREENPLAY, waitForExampleDiagnostics } from './support/examples';

const extensionId = `${manifest.publisher}.${manifest.name}`;

describe('activation', () => {
  it('is the extension installed from the .vsix, of this version, in the editor\'s extensions folder', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    const extensionsDir = process.env.GENAI_E2E_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the runner says where it installed the .vsix');
    const relative = path.relative(fs.realpathSync(extensionsDir), fs.realpathSync(extension.extensionPath));
    assert.ok(!relative.startsWith('..') && !path.isAbsolute(relative), `${extension.extensionPath} is inside ${extensionsDir}`);
    assert.equal((extension.packageJSON as { version: string }).version, manifest.version);
  });

  it('installs the bundle only: no sources, tests, dependencies or source maps', () => {
    const extensionPath = vscode.extensions.getExtension(extensionId)!.extensionPath;
    const files = fs.readdirSync(extensionPath, { recursive: true, encoding: 'utf8' });
    assert.ok(files.includes(path.join('dist', 'client.js')) && files.includes(path.join('dist', 'server.js')), 'client and server bundles');
    const unwanted = files.filter((f) => /^(client|server|node_modules|examples|scripts|bench)\b|(^|\/)(test|src)\/|\.ts$|\.map$/.test(f));
    assert.deepEqual(unwanted, [], 'development files in the installed extension');
  });

  it('starts on its own in a folder with a screenplay and shows its findings', async () => {
    // Nothing in the suite opened a file or ran a command yet: the workspace activates it.
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
    assert.equal(vscode.extensions.getExtension(extensionId)!.isActive, true);
  });

  it('adds its commands to the command palette', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const { command } of manifest.contributes.commands) assert.ok(commands.has(command), `${command} is registered`);
  });

  it('reads .fountain files as Fountain', async () => {
    const document = await vscode.workspace.openTextDocument(exampleUri(SCREENPLAY));
    assert.equal(document.languageId, 'fountain');
  });
});
