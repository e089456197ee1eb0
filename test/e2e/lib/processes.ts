// Every process the e2e runners start runs in a process group of its own (a new session, as
// `setsid` makes: Node's `detached: true` calls setsid()), so that stopping the group also stops
// whatever it spawned: code-server's file watchers, the extension host, the language server.
// Killing only the leader's pid leaves those behind. Groups still running are stopped on exit,
// SIGINT and SIGTERM, and so are the temp folders registered here, so that a failed or
// interrupted run leaves nothing behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';

const running = new Set<number>();
const tempDirs = new Set<string>();
const signalHooks = new Set<() => Promise<void>>();
let handlersInstalled = false;

/**
 * Runs `hook` (e.g. closing a browser, which cleans up after itself) before the process groups
 * are stopped on SIGINT/SIGTERM. Returns a function that unregisters it.
 */
export function onSignal(hook: () => Promise<void>): () => void {
  installHandlers();
  signalHooks.add(hook);
  return () => signalHooks.delete(hook);
}

/** Removes `dir` when the process exits, also after SIGINT/SIGTERM, unless `forgetTempDir` is called. */
export function removeOnExit(dir: string): void {
  installHandlers();
  tempDirs.add(dir);
}

export function forgetTempDir(dir: string): void {
  tempDirs.delete(dir);
}

export interface GroupProcess {
  readonly child: ChildProcess;
  /** The process group id (the leader's pid). */
  readonly pgid: number;
  /** Resolves with the leader's exit code (null if it was killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Stops every process of the group; rejects if any survive SIGKILL. */
  stop(): Promise<void>;
}

export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): GroupProcess {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) {
    throw new Error(`could not start ${command}`);
  }
  const pgid = child.pid;
  running.add(pgid);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  exited.catch(() => undefined);
  return { child, pgid, exited, stop: () => stopGroup(pgid) };
}

/** Runs a command in its own group to the end; resolves with its exit code and output. */
export async function runGroup(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ code: number | null; output: string }> {
  const proc = spawnGroup(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await proc.exited;
  await proc.stop();
  return { code, output };
}

/** Live (non-zombie) members of a process group, read from /proc. */
export function groupMembers(pgid: number): { pid: number; command: string }[] {
  const members: { pid: number; command: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // Fields after the command name (which is in parentheses and may hold spaces):
    // state ppid pgrp ...
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = afterName[0];
    const pgrp = Number(afterName[2]);
    if (pgrp !== pgid || state === 'Z') continue;
    let command = '';
    try {
      command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue;
    }
    members.push({ pid: Number(entry), command });
  }
  return members;
}

async function stopGroup(pgid: number): Promise<void> {
  if (!running.has(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  if (!(await groupGoneWithin(pgid, 5000))) {
    signalGroup(pgid, 'SIGKILL');
    if (!(await groupGoneWithin(pgid, 5000))) {
      const left = groupMembers(pgid).map((m) => `${m.pid} ${m.command}`).join('\n  ');
      throw new Error(`processes of group ${pgid} survived SIGKILL:\n  ${left}`);
    }
  }
  running.delete(pgid);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

// The kernel gives no event for "a process group became empty", so this polls /proc briefly.
async function groupGoneWithin(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort: `exit` handlers must be synchronous, so the groups get SIGKILL at once.
  process.on('exit', () => {
    for (const pgid of running) signalGroup(pgid, 'SIGKILL');
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      console.error(`\n[e2e] ${signal}: stopping every process this run started`);
      void Promise.allSettled([...signalHooks].map((hook) => hook()))
        .then(() => Promise.allSettled([...running].map((pgid) => stopGroup(pgid))))
        .then(() => process.exit(code));
    });
  }
}

/**
 * Processes whose command line or environment mentions `marker` (e.g. a run's temp folder, which
 * every process code-server starts inherits through XDG_CONFIG_HOME). A process that left its
 * group (setsid of its own) still shows up here.
 */
export function processesMentioning(marker: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const environment = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (command === '') continue; // a zombie: already dead, waiting to be reaped
      if (command.includes(marker) || environment.includes(marker)) found.push({ pid: Number(entry), command });
    } catch {
      continue; // exited while we looked, or not ours to read
    }
  }
  return found;
}

/** Throws, naming them, if processes of a run are still alive after it stopped everything. */
export function assertNoLeftovers(marker: string): void {
  const left = processesMentioning(marker);
  if (left.length > 0) {
    throw new Error(`processes left running:\n  ${left.map((p) => `${p.pid} ${p.command}`).join('\n  ')}`);
  }
}
