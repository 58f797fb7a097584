import { KubernetesObject } from '@kubernetes/client-node';
import {
  KubeflowCluster,
  makeKubeConfig,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import { sleep } from '../../lib/sleep';
import { ResourceStream, StreamEvent, StreamTarget } from './ResourceStream';

/** Backoff after a failed list or a broken watch. */
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** A watch that ends sooner than this counts as a failure, against hot loops. */
const MIN_HEALTHY_WATCH_MS = 1_000;
/** Timeout of one list request. */
const LIST_TIMEOUT_MS = 60_000;

/** What a cluster sync reports to its provider. */
export interface ClusterSyncHooks {
  /** A stream finished a complete list (first list or relist). */
  onListed(sync: ClusterSync, stream: ResourceStream): void;
  /** One watch event was applied. */
  onEvent(
    sync: ClusterSync,
    stream: ResourceStream,
    type: StreamEvent,
    obj: KubernetesObject,
  ): void;
  /** A list or watch failed; the stream retries after a backoff. */
  onError(
    sync: ClusterSync,
    stream: ResourceStream,
    operation: 'list' | 'watch',
    error: unknown,
  ): void;
  /** A watch got `410 Gone`: the stream lists again. */
  onGone(sync: ClusterSync, stream: ResourceStream): void;
}

/** How one run of the sync behaves. */
export interface ClusterSyncRunOptions {
  /** Watch after listing; when false the run lists once and returns. */
  watch: boolean;
  /** List again once the last list is older than this. */
  fullResyncIntervalMs: number;
}

/**
 * Keeps the Trainer objects of one cluster: TrainJobs and TrainingRuntimes
 * (all namespaces or the allow-listed ones) and ClusterTrainingRuntimes,
 * each in its own list-then-watch stream. The objects survive between runs
 * and failures: a failed list keeps the last good objects.
 */
export class ClusterSync {
  readonly streams: ResourceStream[];

  constructor(
    readonly cluster: KubeflowCluster,
    options: {
      namespaces?: string[];
      labelSelector?: string;
      pageSize: number;
    },
  ) {
    const kubeConfig = makeKubeConfig(cluster);
    const targets: StreamTarget[] = [];
    for (const namespace of options.namespaces ?? [undefined]) {
      targets.push(
        {
          kind: 'TrainJob',
          plural: 'trainjobs',
          namespace,
          labelSelector: options.labelSelector,
        },
        { kind: 'TrainingRuntime', plural: 'trainingruntimes', namespace },
      );
    }
    targets.push({
      kind: 'ClusterTrainingRuntime',
      plural: 'clustertrainingruntimes',
    });
    this.streams = targets.map(
      target =>
        new ResourceStream(
          target,
          kubeConfig,
          options.pageSize,
          LIST_TIMEOUT_MS,
        ),
    );
  }

  /** True once every stream has been listed completely at least once. */
  isKnown(): boolean {
    return this.streams.every(s => s.listedAt !== undefined);
  }

  /** The TrainJobs known for this cluster. */
  trainJobs(): KubernetesObject[] {
    return this.objectsOf('TrainJob');
  }

  /** The (Cluster)TrainingRuntimes known for this cluster. */
  runtimes(): KubernetesObject[] {
    return [
      ...this.objectsOf('ClusterTrainingRuntime'),
      ...this.objectsOf('TrainingRuntime'),
    ];
  }

  private objectsOf(kind: StreamTarget['kind']): KubernetesObject[] {
    return this.streams
      .filter(s => s.target.kind === kind)
      .flatMap(s => [...s.items.values()]);
  }

  /** Syncs every stream until `signal` aborts (or once, without watch). */
  async run(
    signal: AbortSignal,
    options: ClusterSyncRunOptions,
    hooks: ClusterSyncHooks,
  ): Promise<void> {
    await Promise.all(
      this.streams.map(stream =>
        this.runStream(stream, signal, options, hooks),
      ),
    );
  }

  private async runStream(
    stream: ResourceStream,
    signal: AbortSignal,
    options: ClusterSyncRunOptions,
    hooks: ClusterSyncHooks,
  ): Promise<void> {
    let backoff = INITIAL_BACKOFF_MS;
    const failed = async () => {
      await sleep(backoff, signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
    // Without watch, one run is one list attempt per stream (polling).
    let needsList = !options.watch;
    while (!signal.aborted) {
      const listAge =
        stream.listedAt === undefined ? Infinity : Date.now() - stream.listedAt;
      if (needsList || listAge >= options.fullResyncIntervalMs) {
        try {
          await stream.list(signal);
        } catch (error) {
          if (signal.aborted) return;
          hooks.onError(this, stream, 'list', error);
          if (!options.watch) return;
          await failed();
          continue;
        }
        needsList = false;
        hooks.onListed(this, stream);
      }
      if (!options.watch) {
        return;
      }

      const untilResync = Math.max(
        0,
        stream.listedAt! + options.fullResyncIntervalMs - Date.now(),
      );
      const watchSignal = AbortSignal.any([
        signal,
        AbortSignal.timeout(untilResync),
      ]);
      const started = Date.now();
      const end = await stream.watch(watchSignal, (type, obj) =>
        hooks.onEvent(this, stream, type, obj),
      );
      const healthy = Date.now() - started >= MIN_HEALTHY_WATCH_MS;
      switch (end.type) {
        case 'aborted':
          // The run ended, or the full resync is due (listed on next turn).
          break;
        case 'closed':
          // The server or client-node closed an idle watch: resume from the
          // last resourceVersion; nothing was missed.
          if (healthy) {
            backoff = INITIAL_BACKOFF_MS;
          } else {
            await failed();
          }
          break;
        case 'gone':
          hooks.onGone(this, stream);
          needsList = true;
          if (!healthy) await failed();
          break;
        case 'error':
        default:
          // After a broken connection, relist: we cannot tell how long we
          // were gone or whether the server still has our resourceVersion.
          hooks.onError(
            this,
            stream,
            'watch',
            (end as { error: unknown }).error,
          );
          needsList = true;
          await failed();
          break;
      }
    }
  }
}
