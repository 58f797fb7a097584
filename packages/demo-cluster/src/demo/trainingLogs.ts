/** Shape of a demo training run, as its logs tell it. */
export interface TrainingRun {
  jobName: string;
  featureService: string;
  rank: number;
  worldSize: number;
  epochs: number;
  stepsPerEpoch: number;
}

/** Epochs and steps of every demo run. */
export const TRAINING_SHAPE = { epochs: 10, stepsPerEpoch: 120 };

const LOG_EVERY_STEPS = 20;

/** A small deterministic PRNG (mulberry32), so logs are stable per run. */
function random(seed: string): () => number {
  let state = 0;
  for (let i = 0; i < seed.length; i++) {
    state = Math.imul(state ^ seed.charCodeAt(i), 0x9e3779b1);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function totalSteps(run: TrainingRun) {
  return run.epochs * run.stepsPerEpoch;
}

/** Training loss after `step` steps: an exponential decay with noise. */
export function lossAt(run: TrainingRun, step: number): number {
  const noise = random(`${run.jobName}/${step}`)() - 0.5;
  const decay = Math.exp(-step / (totalSteps(run) / 4));
  return Math.max(0.01, 0.035 + 0.62 * decay + 0.02 * noise);
}

/** Validation AUC after `epoch` epochs. */
export function validationAucAt(run: TrainingRun, epoch: number): number {
  const jitter = 0.004 * (random(`${run.jobName}/auc`)() - 0.5);
  return 0.975 - 0.19 * Math.exp(-epoch / 2.5) + jitter;
}

function timestamp(at: Date) {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The first lines of a trainer container: rendezvous, Feast, model. */
export function trainingLogHeader(run: TrainingRun, at: Date): string {
  const ts = timestamp(at);
  const r = `[rank${run.rank}]`;
  const lines = [
    `${ts} INFO  ${r} torchrun --nnodes=${run.worldSize} --nproc-per-node=1 --node-rank=${run.rank} --rdzv-endpoint=${run.jobName}-node-0-0.${run.jobName}:29400 /workspace/train.py`,
    `${ts} INFO  ${r} init_process_group backend=nccl world_size=${run.worldSize} rank=${run.rank}`,
    `${ts} INFO  ${r} feast: get_historical_features(feature_service=fraud_detection/${run.featureService})`,
    `${ts} INFO  ${r} feast: training set ready, shard ${run.rank + 1}/${
      run.worldSize
    }`,
    `${ts} INFO  ${r} model FraudDetector(tabular MLP, 2.41M params) wrapped in DistributedDataParallel`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The step and epoch lines of a run between two progress percentages,
 * timestamped evenly from `since` to `until`.
 */
export function trainingLogLines(
  run: TrainingRun,
  fromPercentage: number,
  toPercentage: number,
  until: Date,
  since: Date = until,
): string {
  const total = totalSteps(run);
  const from = Math.floor((fromPercentage / 100) * total);
  const to = Math.floor((toPercentage / 100) * total);
  const r = `[rank${run.rank}]`;
  const lines: string[] = [];
  const span = until.getTime() - since.getTime();
  for (let step = from + 1; step <= to; step++) {
    const ts = timestamp(
      new Date(since.getTime() + (span * (step - from)) / (to - from)),
    );
    const epoch = Math.ceil(step / run.stepsPerEpoch);
    if (step % LOG_EVERY_STEPS === 0) {
      const throughput = Math.round(
        1800 + 120 * random(`${run.jobName}/t${step}`)(),
      );
      lines.push(
        `${ts} INFO  ${r} epoch=${epoch}/${
          run.epochs
        } step=${step}/${total} loss=${lossAt(run, step).toFixed(4)} lr=${(
          1e-3 * Math.cos((Math.PI / 2) * (step / total))
        ).toExponential(1)} throughput=${throughput} samples/s`,
      );
    }
    if (step % run.stepsPerEpoch === 0) {
      lines.push(
        `${ts} INFO  ${r} epoch=${epoch}/${run.epochs} done val_loss=${(
          lossAt(run, step) * 1.07
        ).toFixed(4)} val_auc=${validationAucAt(run, epoch).toFixed(4)}`,
      );
      if (run.rank === 0) {
        lines.push(
          `${ts} INFO  ${r} checkpoint saved to s3://models-fr/checkpoints/${run.jobName}/epoch-${epoch}.pt`,
        );
      }
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The last lines of a run that finished. */
export function trainingLogFooter(run: TrainingRun, at: Date): string {
  const ts = timestamp(at);
  const r = `[rank${run.rank}]`;
  const lines = [`${ts} INFO  ${r} training finished`];
  if (run.rank === 0) {
    lines.push(
      `${ts} INFO  ${r} exported ONNX model, registering version with the Model Registry`,
    );
  }
  lines.push(`${ts} INFO  ${r} destroy_process_group`);
  return `${lines.join('\n')}\n`;
}

/** The last lines before the kernel OOM killer ends rank 0 (no traceback: SIGKILL). */
export function oomKilledLogLines(run: TrainingRun, at: Date): string {
  const ts = timestamp(at);
  const r = `[rank${run.rank}]`;
  return [
    `${ts} INFO  ${r} feast: joining on-demand view transaction_risk_score and merchant_risk_features in memory (pandas)`,
    `${ts} WARN  ${r} feast: in-memory join holds 41.7 GiB, container limit is 48 GiB`,
    '',
  ].join('\n');
}

/** What the surviving worker logs when its peer was killed. */
export function peerFailureLogLines(run: TrainingRun, at: Date): string {
  const ts = timestamp(at);
  const r = `[rank${run.rank}]`;
  return [
    `${ts} ERROR ${r} [c10d] Connection reset by peer: rank 0 (${run.jobName}-node-0-0) closed the connection`,
    `${ts} ERROR ${r} torch.distributed.DistBackendError: NCCL communicator was aborted on rank ${run.rank}`,
    `${ts} ERROR ${r} worker exited with code 1`,
    '',
  ].join('\n');
}
