import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForLock, type LockHolder } from '../../src/lib/build-lock.ts';
import { outRoot } from '../setup/sites.ts';

const file = path.join(outRoot, 'unit-astro.lock');
const sleepers: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of sleepers.splice(0)) child.kill('SIGKILL');
  fs.rmSync(file, { force: true });
});

/** A lock file naming a running process, as a build in its Astro step leaves it. */
function heldByLiveProcess(): number {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  sleepers.push(child);
  fs.mkdirSync(outRoot, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ pid: child.pid, started: new Date().toISOString() }));
  return child.pid ?? 0;
}

describe("the project's Astro lock (one Astro step at a time)", () => {
  it('waits while a running build holds it, says once who holds it, and takes it when that build ends', async () => {
    const pid = heldByLiveProcess();
    const told: LockHolder[] = [];
    let taken = false;
    const waiting = waitForLock(file, (holder) => told.push(holder)).then((lock) => {
      taken = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(taken).toBe(false);
    expect(told.map((h) => h.pid)).toEqual([pid]);
    sleepers[0]?.kill('SIGKILL');
    const lock = await waiting;
    expect(told).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('takes over at once a lock whose process is gone', async () => {
    fs.mkdirSync(outRoot, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, started: new Date(Date.now() - 60_000).toISOString() }));
    const told: LockHolder[] = [];
    const lock = await waitForLock(file, (holder) => told.push(holder));
    expect(told).toEqual([]);
    expect(lock.tookOver?.pid).toBe(2 ** 22 + 12345);
    lock.release();
  });
});
