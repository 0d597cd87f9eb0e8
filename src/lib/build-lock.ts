/**
 * One build at a time per output folder, and work folders nobody else reads.
 *
 * - `<outDir>.lock` names the build that is writing `outDir`: its pid and start time, written to a
 *   temporary file first and then linked into place, so the lock appears complete or not at all.
 *   A second build into the same folder stops at once; a lock whose process is gone is taken over.
 * - Staging and previous folders live in a hidden `.build/` next to `outDir` (git-ignored, and on the
 *   same filesystem, so the final renames stay atomic). Tailwind and Vite skip git-ignored folders,
 *   so one build's CSS never depends on what another build left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from './paths.ts';

/** Who holds a lock. */
export interface LockHolder {
  pid: number;
  started: Date;
}

/** Thrown when a live build holds the lock; its message says what to do. */
export class BuildLockedError extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder, outDir: string) {
    const time = formatStarted(holder.started);
    super(
      `another build (pid ${holder.pid}, started ${time}) is writing ${displayPath(outDir)}/: wait for it to finish, or stop it. ` +
        `If no build is running, delete ${displayPath(lockFile(outDir))}.`,
    );
    this.name = 'BuildLockedError';
    this.holder = holder;
  }
}

export interface BuildLock {
  /** The lock file. */
  readonly file: string;
  /** The dead build whose lock this one took over (`null`: a lock that named no build), if any. */
  readonly tookOver: LockHolder | null | undefined;
  /** Removes the lock if it is still this process's. Safe to call more than once. */
  release(): void;
}

/** `dist` → `dist.lock`. */
export function lockFile(outDir: string): string {
  return `${outDir}.lock`;
}

/** Where a build into `outDir` keeps its staging and previous folders: `.build/` beside it. */
export function workDir(outDir: string): string {
  return path.join(path.dirname(outDir), '.build');
}

/** This process's staging folder for `outDir`. */
export function stagingDir(outDir: string, pid = process.pid): string {
  return path.join(workDir(outDir), `${path.basename(outDir)}.staging-${pid}`);
}

/** Where the replaced `outDir` waits between the two renames of a swap. */
export function previousDir(outDir: string, pid = process.pid): string {
  return path.join(workDir(outDir), `${path.basename(outDir)}.previous-${pid}`);
}

/** Whether a process with this pid is running (one we may not signal still counts). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a process started (ms since the epoch), where the system says so (Linux `/proc`). */
function processStart(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, starttime (clock ticks after boot) is field 22.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(ticks) && boot ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the build that wrote `holder` is still running: its pid is alive and was not reused since. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.pid === process.pid || !isAlive(holder.pid)) return false;
  const start = processStart(holder.pid);
  // A process that started well after the lock was written is another program with a reused pid.
  return start === undefined || start <= holder.started.getTime() + 2000;
}

/** `22:41:07`, with the date in front when it was not today. */
export function formatStarted(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return day(date) === day(new Date()) ? time : `${day(date)} ${time}`;
}

/** The holder written in a lock file; `undefined` when there is no file, `null` when it cannot be read. */
function readHolder(file: string): LockHolder | null | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const data = JSON.parse(text) as { pid?: unknown; started?: unknown };
    const started = new Date(String(data.started));
    if (typeof data.pid !== 'number' || Number.isNaN(started.getTime())) return null;
    return { pid: data.pid, started };
  } catch {
    return null;
  }
}

/** Creates `file` with `text` only if it does not exist; the file appears with its whole content. */
function createExclusive(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A filesystem without hard links: exclusive create, then write.
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, text);
      fs.closeSync(fd);
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

const sameHolder = (a: LockHolder | null | undefined, b: LockHolder | null | undefined) =>
  a === b || (!!a && !!b && a.pid === b.pid && a.started.getTime() === b.started.getTime());

/**
 * Takes `<outDir>.lock` for this process, or throws `BuildLockedError` when a running build holds it.
 * A lock left by a process that is gone (or an unreadable one) is taken over; two builds that find
 * the same stale lock cannot both win: each moves it aside first and checks it moved the stale one.
 */
export function acquireBuildLock(outDir: string): BuildLock {
  return takeLock(lockFile(outDir), (holder) => new BuildLockedError(holder, outDir));
}

/** Thrown inside `waitForLock` while a running build holds the lock. */
class StillHeld extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder) {
    super(`held by pid ${holder.pid}`);
    this.holder = holder;
  }
}

/**
 * Takes the lock in `file`, waiting while a running build holds it (`onWait` is told once, with
 * who holds it). A lock whose process is gone is taken over, as in `acquireBuildLock`.
 */
export async function waitForLock(file: string, onWait: (holder: LockHolder) => void): Promise<BuildLock> {
  let told = false;
  for (;;) {
    try {
      return takeLock(file, (holder) => new StillHeld(holder));
    } catch (error) {
      if (!(error instanceof StillHeld)) throw error;
      if (!told) onWait(error.holder);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Takes the lock in `file`, or throws what `held` makes of the running build that holds it. */
function takeLock(file: string, held: (holder: LockHolder) => Error): BuildLock {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockHolder = { pid: process.pid, started: new Date() };
  const text = `${JSON.stringify({ pid: mine.pid, started: mine.started.toISOString() })}\n`;
  let tookOver: LockHolder | null | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (createExclusive(file, text)) {
      let released = false;
      return {
        file,
        tookOver,
        release() {
          if (released) return;
          released = true;
          // Never remove a lock another build has taken since.
          if (sameHolder(readHolder(file), mine)) fs.rmSync(file, { force: true });
        },
      };
    }
    const holder = readHolder(file);
    if (holder === undefined) continue; // released in between: try again
    if (holder && holderAlive(holder)) throw held(holder);
    if (holder === null && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 2000) {
      // Being written by the fallback path of another build: give it a moment.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    // Stale: move it aside, and make sure it was the stale lock we moved, not a fresh one.
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readHolder(aside);
    if (!sameHolder(moved, holder)) {
      // Another build took the stale lock over a moment ago: put its lock back.
      try {
        fs.linkSync(aside, file);
      } catch {
        /* a third build holds it now; ours fails below or on the next round */
      }
    } else {
      tookOver = holder;
    }
    fs.rmSync(aside, { force: true });
  }
  const holder = readHolder(file);
  if (holder && holderAlive(holder)) throw held(holder);
  throw new Error(`could not take ${displayPath(file)}: other builds keep replacing it`);
}

/** A leftover folder of an interrupted build into `outDir`. */
export interface Leftover {
  dir: string;
  kind: 'staging' | 'previous';
  pid: number;
}

/**
 * Staging and previous folders of builds into `outDir` whose process is gone: in `.build/`, and
 * beside `outDir` where builds kept them before. Folders of running builds are never listed.
 */
export function findLeftovers(outDir: string): Leftover[] {
  const base = path.basename(outDir);
  const found: Leftover[] = [];
  for (const dir of [workDir(outDir), path.dirname(outDir)]) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = /^\.(staging|previous)-(\d+)$/.exec(name.slice(base.length));
      if (!name.startsWith(base) || !match) continue;
      const pid = Number(match[2]);
      const full = path.join(dir, name);
      // The folder's last change (ctime) stands in for the build's start: a running build changed it
      // after its process started; a process that started after the change merely reuses the pid.
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (!stat || pid === process.pid || holderAlive({ pid, started: new Date(stat.ctimeMs) })) continue;
      found.push({ dir: full, kind: match[1] as Leftover['kind'], pid });
    }
  }
  return found;
}

/**
 * Cleans up after interrupted builds into `outDir` (call it while holding the lock). A build killed
 * between the two renames of its swap leaves no `outDir` and the last good copy in a previous
 * folder: that copy is put back. Returns a line for the log for each thing it did.
 */
export function cleanLeftovers(outDir: string): string[] {
  const said: string[] = [];
  for (const left of findLeftovers(outDir)) {
    if (left.kind === 'previous' && !fs.existsSync(outDir)) {
      fs.renameSync(left.dir, outDir);
      said.push(`put back ${displayPath(outDir)}/, left aside by a build that was stopped (pid ${left.pid})`);
      continue;
    }
    fs.rmSync(left.dir, { recursive: true, force: true, maxRetries: 3 });
  }
  return said;
}
