#!/usr/bin/env node
// `yarn bench [filter]`: runs every bench/**/*.bench.ts in its own process
// (TypeScript through the Backstage CLI's node transform), prints a table of
// name, n, median, p95 and peak RSS, and writes the raw results as JSON to
// bench/results/ (git-ignored).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const filter = process.argv[2];
const transform = createRequire(import.meta.url).resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);

function findBenchFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'results' || entry.name === 'node_modules'
        ? []
        : findBenchFiles(path);
    }
    return entry.name.endsWith('.bench.ts') ? [path] : [];
  });
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function runOne(file) {
  return new Promise(resolve => {
    const results = [];
    let buffered = '';
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--require', transform, file],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout.on('data', chunk => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        if (line.startsWith('BENCH_RESULT ')) {
          results.push(JSON.parse(line.slice('BENCH_RESULT '.length)));
        } else {
          process.stderr.write(`  ${line}\n`);
        }
      }
    });
    child.on('exit', code => resolve({ code, results }));
  });
}

const files = findBenchFiles(benchDir)
  .filter(f => !filter || f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark matches ${filter}`);
  process.exit(1);
}

const all = [];
let failed = false;
for (const file of files) {
  process.stderr.write(`▶ ${relative(root, file)}\n`);
  const { code, results } = await runOne(file);
  if (code !== 0 || results.length === 0) {
    failed = true;
    process.stderr.write(`✖ ${relative(root, file)} exited with ${code}\n`);
  }
  for (const r of results) {
    all.push({
      file: relative(root, file),
      ...r,
      medianMs: quantile(r.samplesMs, 0.5),
      p95Ms: quantile(r.samplesMs, 0.95),
    });
  }
}

const fmt = n => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 0) : '-');
const rows = all.map(r => [
  r.name,
  String(r.n),
  fmt(r.medianMs),
  fmt(r.p95Ms),
  fmt(r.peakRssMb),
  Object.entries(r.extra ?? {})
    .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
    .join(' '),
]);
const header = ['benchmark', 'n', 'median ms', 'p95 ms', 'peak RSS MB', ''];
const widths = header.map((h, i) =>
  Math.max(h.length, ...rows.map(row => row[i].length)),
);
const line = row =>
  row
    .map((cell, i) =>
      i === 0 || i === 5 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
    )
    .join('  ');
console.log(line(header));
console.log(widths.map(w => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const out = join(
  resultsDir,
  `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
writeFileSync(
  out,
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, results: all },
    null,
    2,
  ),
);
console.log(`\nResults written to ${relative(root, out)}`);
process.exit(failed ? 1 : 0);
