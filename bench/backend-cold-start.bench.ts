/**
 * Backend cold start: from spawning `yarn start:backend` (with the demo
 * config and in-memory SQLite) until `GET /api/catalog/entities` answers 200.
 * Median of 3 starts; peak RSS is the backend process tree's high-water mark.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { report } from './lib';

const RUNS = 3;
const URL = 'http://localhost:7107/api/catalog/entities?limit=1';
const TOKEN = 'bench-cold-start-token-not-a-secret';
const TIMEOUT_MS = 180_000;

/** Pids of every process below `pid`, found through /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const result: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = children.get(queue.shift()!) ?? [];
    result.push(...next);
    queue.push(...next);
  }
  return result;
}

/** The largest VmHWM (peak RSS) among the processes, in MB. */
function peakRssMb(pids: number[]): number {
  let peak = 0;
  for (const pid of pids) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(
        readFileSync(`/proc/${pid}/status`, 'utf8'),
      );
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // gone
    }
  }
  return peak;
}

async function answers(): Promise<boolean> {
  try {
    const res = await fetch(URL, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return res.ok;
  } catch {
    return false;
  }
}

async function coldStart(): Promise<{ ms: number; rssMb: number }> {
  if (await answers()) {
    throw new Error('Something already answers on port 7107; stop it first');
  }
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      join(__dirname, '../scripts/start-backend.mjs'),
      '--config',
      join(__dirname, 'backend-cold-start.yaml'),
    ],
    {
      detached: true,
      // The CLI's dev runner exits when its stdin closes: keep a pipe open.
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  try {
    for (;;) {
      if (Date.now() - started > TIMEOUT_MS) {
        throw new Error(`backend did not answer within ${TIMEOUT_MS} ms`);
      }
      if (await answers()) break;
      await new Promise(r => setTimeout(r, 100));
    }
    const ms = Date.now() - started;
    return { ms, rssMb: peakRssMb(descendants(child.pid!)) };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    for (let i = 0; i < 50 && (await answers()); i++) {
      await new Promise(r => setTimeout(r, 200));
    }
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function main() {
  const samples: number[] = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, rssMb } = await coldStart();
    samples.push(ms);
    rss = Math.max(rss, rssMb);
  }
  report({
    name: 'backend cold start to catalog API',
    n: RUNS,
    samplesMs: samples,
    peakRssMb: rss,
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
