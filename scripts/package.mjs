// `npm run package`: bundles and minifies the extension, then packs it with vsce into
// <name>-<version>.vsix, prints what went in and how big it is. Works offline.
//
//   npm run package                  # no source maps
//   npm run package -- --sourcemaps  # with linked source maps, for debugging a packaged build
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const withSourcemaps = process.argv.includes('--sourcemaps');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
const vsce = path.join(repoRoot, 'node_modules/@vscode/vsce/vsce');

function run(title, command, args) {
  console.log(`[package] ${title}`);
  try {
    execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  } catch {
    console.error(`[package] FAILED at: ${title}`);
    process.exit(1);
  }
}

fs.rmSync(path.join(repoRoot, 'dist'), { recursive: true, force: true });
run('bundle and minify (esbuild --production)', process.execPath, [
  'esbuild.mjs',
  '--production',
  ...(withSourcemaps ? ['--sourcemap'] : []),
]);

// The .vscodeignore keeps maps out; when they are asked for, pack with a copy that lets them in.
let ignoreFile = path.join(repoRoot, '.vscodeignore');
if (withSourcemaps) {
  const lines = fs.readFileSync(ignoreFile, 'utf8').split('\n').filter((line) => line.trim() !== '**/*.map');
  ignoreFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vscodeignore-')), '.vscodeignore');
  fs.writeFileSync(ignoreFile, lines.join('\n'));
}

// --allow-missing-repository: the project has no public repository yet; without the flag vsce
// stops to ask, which fails with no terminal (CI).
run(`pack ${path.basename(vsix)} (vsce)`, process.execPath, [
  vsce,
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--ignoreFile',
  ignoreFile,
  '--out',
  vsix,
]);
if (withSourcemaps) fs.rmSync(path.dirname(ignoreFile), { recursive: true, force: true });

const kb = (fs.statSync(vsix).size / 1024).toFixed(1);
console.log(`[package] ${path.relative(process.cwd(), vsix)}: ${kb} KB`);
