// `genai-review`: the review on the command line, for CI pipelines and for a coordinator's
// terminal. Built on core alone; reads files, never writes any except a summary it was asked to.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { Production } from './core/workspace';
import { isConfigFileName } from './core/config/configFiles';
import { defaultConfig } from './core/config/config';
import { parseArgs, UsageError, USAGE, type CliArgs } from './cli/args';
import { displayPath, toJson, toText, type FileReport } from './cli/format';
import { folderTitle, summarizeProduction } from './core/disclosure/productionSummary';
import { renderSummaryMarkdown } from './core/disclosure/renderSummary';
import { configsAbove, readTextFile, scanFolder, toPosix } from './node/scan';
import { version } from '../../package.json';

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** The clock for the summary's date (tests fix it). */
  now?: () => Date;
}

/** The deepest folder holding every file: the production folder the summary is about. */
function commonFolder(files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  let common = path.posix.dirname(files[0]);
  for (const f of files) while (!(f === common || f.startsWith(common.endsWith('/') ? common : common + '/'))) common = path.posix.dirname(common);
  return common;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Expands inputs into files and configs; named inputs that cannot be read are errors. */
async function collectInputs(args: CliArgs, io: Io): Promise<{ files: string[]; configs: Set<string>; errors: string[] }> {
  const files = new Set<string>();
  const configs = new Set<string>();
  const errors: string[] = [];
  const defaults = defaultConfig();
  for (const input of args.inputs) {
    const absolute = path.resolve(io.cwd, input);
    if (GLOB_CHARS.test(input)) {
      const base = path.resolve(io.cwd, picomatch.scan(input).base || '.');
      const matcher = picomatch(input, { dot: false });
      const found = await scanFolder(base, { include: ['**/*'], exclude: defaults.exclude });
      const matched = found.files.filter((f) => matcher(path.relative(io.cwd, f).split(path.sep).join('/')));
      if (matched.length === 0) errors.push(`${input}: no files match`);
      matched.forEach((f) => files.add(f));
      for (const c of await configsAbove(base)) configs.add(c);
      // Configs below the glob's base apply to the matched files in their folders.
      for (const c of found.configs) if (matched.some((f) => f.startsWith(path.posix.dirname(c) + '/'))) configs.add(c);
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      errors.push(`${input}: no such file or folder`);
      continue;
    }
    if (stat.isDirectory()) {
      for (const c of await configsAbove(absolute)) configs.add(c);
      const found = await scanFolder(absolute, { include: defaults.include, exclude: defaults.exclude });
      found.files.forEach((f) => files.add(f));
      found.configs.forEach((c) => configs.add(c));
    } else {
      if (isConfigFileName(path.basename(absolute))) configs.add(toPosix(absolute));
      else files.add(toPosix(absolute));
      for (const c of await configsAbove(path.dirname(absolute))) configs.add(c);
    }
  }
  return { files: [...files].sort(), configs, errors };
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv, process.stdout.isTTY === true);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`genai-review: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }

  const { files, configs, errors } = await collectInputs(args, io);
  const production = new Production();
  let failed = errors.length > 0;
  for (const message of errors) io.stderr(`genai-review: ${message}\n`);

  const configTexts = new Map<string, string>();
  for (const configPath of [...configs].sort()) {
    const read = await readTextFile(configPath, 1024 * 1024);
    if (!read.ok) {
      io.stderr(`genai-review: cannot read ${configPath}: ${read.reason}\n`);
      failed = true;
      continue;
    }
    production.setFile(configPath, read.text);
    configTexts.set(configPath, read.text);
  }
  // Once all are read: whether a config is ignored depends on the others in its folder.
  for (const [configPath, text] of configTexts) {
    for (const problem of production.configProblems(configPath)) {
      const line = text.slice(0, problem.span.start).split(/\r\n|\r|\n/).length;
      io.stderr(`genai-review: ${configPath}:${line}: ${problem.message}\n`);
      if (problem.severity === 'error') failed = true;
    }
  }

  const texts = new Map<string, string>();
  for (const file of files) {
    const { config } = production.configFor(file);
    const read = await readTextFile(file, config.maxFileSizeBytes);
    if (!read.ok) {
      io.stderr(`genai-review: ${read.skipped ? 'skipped' : 'cannot read'} ${file}: ${read.reason}\n`);
      if (!read.skipped) failed = true;
      continue;
    }
    if (!production.setFile(file, read.text)) {
      io.stderr(`genai-review: skipped ${file}: not a screenplay or notes file (.fountain, .spmd, .fdx, .md, .txt)\n`);
      continue;
    }
    texts.set(file, read.text);
  }

  const reports: FileReport[] = [];
  for (const [file, text] of texts) {
    const doc = production.document(file);
    let findings = production.analyze(file);
    if (args.quiet) findings = findings.filter((f) => f.outcome === 'approval-required');
    reports.push({ path: file, text, findings, problems: doc?.problems ?? [] });
  }

  if (args.format === 'json') io.stdout(JSON.stringify(toJson(reports, io.cwd), null, 2) + '\n');
  else if (args.format === 'text') io.stdout(toText(reports, io.cwd, args.color));
  if (args.format === 'summary' || args.summaryFile) {
    const root = commonFolder([...texts.keys()]) ?? toPosix(io.cwd);
    const summary = summarizeProduction(production, [...texts.keys()], {
      now: io.now?.() ?? new Date(),
      displayPath: (p) => displayPath(p, root),
      fallbackTitle: folderTitle(root),
    });
    const markdown = renderSummaryMarkdown(summary);
    if (args.format === 'summary') io.stdout(markdown);
    if (args.summaryFile) {
      const target = path.resolve(io.cwd, args.summaryFile);
      try {
        await fs.writeFile(target, markdown);
        io.stderr(`genai-review: disclosure summary written to ${displayPath(toPosix(target), toPosix(io.cwd))}\n`);
      } catch (e) {
        io.stderr(`genai-review: cannot write the summary to ${target}: ${(e as Error).message}\n`);
        failed = true;
      }
    }
  }

  const needsApproval = reports.some((r) => r.findings.some((f) => f.outcome === 'approval-required'));
  if (failed) return 2;
  return needsApproval && !args.exitZero ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`genai-review: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
