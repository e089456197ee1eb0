// Finds a production's files on disk: screenplays and notes under a folder, filtered by the
// include/exclude globs, and the config files (`.genai-review.json`, `.yaml`, `.yml`) that
// apply to them (in the folders scanned and in every folder above). Used by the CLI and the
// language server's workspace scan.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAMES, isConfigFileName } from '../core/config/configFiles';

export interface ScanOptions {
  include: readonly string[];
  exclude: readonly string[];
}

/** Forward-slash absolute path, the form core/workspace uses. */
export function toPosix(p: string): string {
  return path.resolve(p).split(path.sep).join('/');
}

// Extglobs (`+(a|aa)`, `*(a*)`) nest repetition inside repetition: off, they are plain text here.
const GLOB_OPTIONS = { nocase: true, noextglob: true };

export function globMatcher(options: ScanOptions): (relative: string) => boolean {
  const include = picomatch(options.include as string[], { ...GLOB_OPTIONS, dot: false });
  const exclude = picomatch(options.exclude as string[], { ...GLOB_OPTIONS, dot: true });
  return (relative) => include(relative) && !exclude(relative);
}

/** Every file under `root` that the globs select, as posix absolute paths, plus configs found on the way. */
export async function scanFolder(root: string, options: ScanOptions): Promise<{ files: string[]; configs: string[] }> {
  const matches = globMatcher(options);
  const excluded = picomatch(options.exclude as string[], { ...GLOB_OPTIONS, dot: true });
  const files: string[] = [];
  const configs: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped; a named input that is unreadable is reported by the caller
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name === '.git' || entry.name === 'node_modules' || excluded(relative + '/')) continue;
        await walk(full);
      } else if (entry.isFile()) {
        if (isConfigFileName(entry.name)) configs.push(toPosix(full));
        else if (matches(relative)) files.push(toPosix(full));
      }
    }
  };
  await walk(root);
  return { files, configs };
}

/** Config files in `dir` and every folder above it (all of them: the production picks the one that applies). */
export async function configsAbove(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(d, name);
      try {
        if ((await fs.stat(candidate)).isFile()) found.push(toPosix(candidate));
      } catch {
        // no config of this name here
      }
    }
    if (d === path.dirname(d)) break;
  }
  return found;
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string; skipped: boolean };

/**
 * Reads a file as UTF-8 text. Files over `maxBytes` or that look binary (NUL bytes, or mostly
 * invalid UTF-8) are skipped with a reason rather than read; unreadable files fail with the
 * system's reason.
 */
export async function readTextFile(file: string, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, reason: 'not a file', skipped: false };
    if (stat.size > maxBytes) return { ok: false, reason: tooLargeReason(stat.size, maxBytes), skipped: true };
    const buffer = await fs.readFile(file);
    if (looksBinary(buffer)) return { ok: false, reason: BINARY_REASON, skipped: true };
    return { ok: true, text: buffer.toString('utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message, skipped: false };
  }
}

export const BINARY_REASON = 'looks like a binary file, not text';

export function tooLargeReason(size: number, maxBytes: number): string {
  let limit = formatBytes(maxBytes);
  let actual = formatBytes(size);
  // "larger than 2 KB (2 KB)" would say nothing: exact bytes then.
  if (limit === actual) [limit, actual] = [`${maxBytes} bytes`, `${size} bytes`];
  return `larger than ${limit} (${actual}); raise maxFileSizeBytes to review it`;
}

/**
 * Why the editor's text of a file is not reviewed (the limits files on disk get), or
 * undefined. The size is counted in UTF-8 bytes, as on disk; a text short enough that even
 * three bytes a character fit is not measured.
 */
export function textSkipReason(text: string, maxBytes: number): string | undefined {
  if (text.length * 3 > maxBytes) {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > maxBytes) return tooLargeReason(size, maxBytes);
  }
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return BINARY_REASON;
  let replacements = 0;
  for (const ch of sample) if (ch === '\uFFFD') replacements++;
  return sample.length > 0 && replacements / sample.length > 0.1 ? BINARY_REASON : undefined;
}

export function looksBinary(buffer: Uint8Array): boolean {
  const sample = buffer.subarray(0, 8192);
  if (sample.includes(0)) return true;
  const text = Buffer.from(sample).toString('utf8');
  let replacements = 0;
  for (const ch of text) if (ch === '\uFFFD') replacements++;
  return text.length > 0 && replacements / text.length > 0.1;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
