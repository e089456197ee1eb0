// Command-line arguments of `genai-review`. Small enough not to need a parsing library.

export type OutputFormat = 'text' | 'json' | 'summary';

export interface CliArgs {
  inputs: string[];
  format: OutputFormat;
  /** Also write the disclosure summary (Markdown) to this file. */
  summaryFile?: string;
  /** Only report uses that need approval. */
  quiet: boolean;
  /** Exit 0 even when uses need approval (still 2 on errors): for demos and reports. */
  exitZero: boolean;
  color: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: genai-review [options] [paths or globs…]

Reviews screenplays (.fountain, .spmd, .fdx) and production notes (.md, .txt) for generative-AI
uses that need written studio approval. Nothing leaves this machine.

Options:
  --format text|json|summary  output format (default: text)
  --summary FILE              also write the disclosure summary (Markdown) to FILE
  --quiet                     report only uses that need approval
  --exit-zero                 exit 0 even when uses need approval (2 still means an error)
  --no-color                  plain text output
  -h, --help                  show this help
  -v, --version               show the version

Exit status: 0 when no use needs approval, 1 when at least one does, 2 on bad usage or
unreadable input.`;

export function parseArgs(argv: readonly string[], isTty: boolean): CliArgs {
  const args: CliArgs = { inputs: [], format: 'text', quiet: false, exitZero: false, color: isTty && !process.env.NO_COLOR, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => {
      const eq = arg.indexOf('=');
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '-v' || arg === '--version') args.version = true;
    else if (arg === '--quiet' || arg === '-q') args.quiet = true;
    else if (arg === '--exit-zero') args.exitZero = true;
    else if (arg === '--no-color') args.color = false;
    else if (arg === '--color') args.color = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const format = value('--format');
      if (format !== 'text' && format !== 'json' && format !== 'summary') throw new UsageError(`unknown format "${format}": use text, json or summary`);
      args.format = format;
    } else if (arg === '--summary' || arg.startsWith('--summary=')) args.summaryFile = value('--summary');
    else if (arg === '--') {
      args.inputs.push(...argv.slice(i + 1));
      break;
    }
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else args.inputs.push(arg);
  }
  if (args.inputs.length === 0) args.inputs.push('.');
  return args;
}
