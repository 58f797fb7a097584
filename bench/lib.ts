/**
 * Helpers shared by the benchmarks under bench/. A benchmark is a file named
 * `<name>.bench.ts` that `yarn bench` runs in its own Node.js process; it
 * measures with `time` / `sample` and prints its results with `report`.
 */
import { performance } from 'node:perf_hooks';

/** One benchmark result line, printed as `BENCH_RESULT <json>`. */
export interface BenchResult {
  /** Short name, for example `feast: decode + transform`. */
  name: string;
  /** Size of the workload (entities, requests, ...). */
  n: number;
  /** One duration per repetition, in milliseconds. */
  samplesMs: number[];
  /** Peak resident set size in MB; defaults to this process's own peak. */
  peakRssMb?: number;
  /** Further numbers worth reporting (ratios, round trips, targets). */
  extra?: Record<string, number | string | boolean>;
}

/** Prints a result for `bench/run.mjs` to collect. */
export function report(result: BenchResult): void {
  const peakRssMb = result.peakRssMb ?? process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({ ...result, peakRssMb })}\n`,
  );
}

/** Runs `fn` once and returns its duration in milliseconds and its value. */
export async function time<T>(
  fn: () => Promise<T> | T,
): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs `fn` `count` times and returns every duration in milliseconds. */
export async function sample(
  count: number,
  fn: (iteration: number) => Promise<unknown> | unknown,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The q-quantile (0..1) of a list of numbers, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
