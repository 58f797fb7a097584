import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { describeError } from '../../lib/describeError';
import { providerLocationAnnotations } from '../../lib/locations';
import { ClusterSync, ClusterSyncHooks } from './ClusterSync';
import { ModelLinkedJobs } from './ModelLinkedJobs';
import {
  readTrainerProviderConfigs,
  TrainerProviderConfig,
} from './readTrainerProviderConfigs';
import { hasRetentionLimits } from './selectRetainedJobs';
import { TrainerBuild, TrainerEntityBuilder } from './TrainerEntityBuilder';

/** How long to wait for the other collections before a partial publish. */
const PARTIAL_PUBLISH_DELAY_MS = 2_000;
/** How long the list of model-linked jobs is reused between reads. */
const MODEL_LINKS_TTL_MS = 60_000;

/**
 * Options of {@link KubeflowTrainerEntityProvider.fromConfig}.
 *
 * @public
 */
export interface KubeflowTrainerEntityProviderOptions {
  logger: LoggerService;
  scheduler: SchedulerService;
  /**
   * The catalog and the module's auth service, used to read which jobs Model
   * versions point at when `retention` limits are configured.
   */
  catalog?: CatalogService;
  auth?: AuthService;
}

/**
 * Emits Kubeflow Trainer TrainJobs as TrainingJob entities, and
 * (Cluster)TrainingRuntimes and dataset initializer URIs as Resources, from
 * one or more clusters (`catalog.providers.kubeflowTrainer.<id>`).
 *
 * @remarks
 * One scheduled task per provider (global scope: one backend replica at a
 * time) lists every collection and then watches it from the list's
 * resourceVersion until the task's timeout; the next run resumes from the
 * last resourceVersion. A complete list (first list, relist after `410 Gone`
 * or a broken watch, periodic resync) leads to a full mutation once every
 * cluster has been read; watch events lead to delta mutations. A cluster
 * that cannot be read keeps the entities it had: no full mutation is applied
 * until every cluster has been listed, and a failed list leaves the last good
 * objects in place.
 *
 * @public
 */
export class KubeflowTrainerEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly syncs: ClusterSync[];
  private readonly builder: TrainerEntityBuilder;
  private readonly modelLinkedJobs?: ModelLinkedJobs;
  private modelLinks?: { refs: Set<string> | undefined; readAt: number };
  /** Serialised form of what this instance last emitted, by entity ref. */
  private emitted = new Map<string, string>();
  private fullMutationApplied = false;
  private pendingFull = false;
  private pendingDelta = false;
  private flushing?: Promise<void>;
  private partialTimer?: NodeJS.Timeout;

  /**
   * Creates one provider per `catalog.providers.kubeflowTrainer.<id>` entry.
   *
   * @throws InputError naming the config key when the config is invalid.
   */
  static fromConfig(
    rootConfig: Config,
    options: KubeflowTrainerEntityProviderOptions,
  ): KubeflowTrainerEntityProvider[] {
    return readTrainerProviderConfigs(rootConfig).map(
      config => new KubeflowTrainerEntityProvider(config, options),
    );
  }

  private constructor(
    private readonly config: TrainerProviderConfig,
    private readonly options: KubeflowTrainerEntityProviderOptions,
  ) {
    this.logger = options.logger.child({ target: this.getProviderName() });
    this.syncs = config.clusters.map(
      cluster =>
        new ClusterSync(cluster, {
          namespaces: config.namespaces,
          labelSelector: config.labelSelector,
          pageSize: config.pageSize,
        }),
    );
    this.builder = new TrainerEntityBuilder({
      owner: config.owner,
      runtimeOwner: config.runtimeOwner,
      feastNamespace: config.feastNamespace,
      retention: config.retention,
      locationAnnotations: providerLocationAnnotations(this.getProviderName()),
      logger: this.logger,
    });
    if (hasRetentionLimits(config.retention)) {
      if (!options.catalog || !options.auth) {
        throw new Error(
          `${this.getProviderName()}: retention limits need the catalog service to find the jobs that models point at`,
        );
      }
      this.modelLinkedJobs = new ModelLinkedJobs(
        options.catalog,
        options.auth,
        this.logger,
      );
    }
  }

  private readonly logger: LoggerService;

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return `kubeflow-trainer-provider:${this.config.id}`;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.scheduler.scheduleTask({
      id: `${this.getProviderName()}:sync`,
      ...this.config.schedule,
      fn: signal => this.run(signal),
    });
  }

  /**
   * One run of the scheduled task: sync every cluster until `signal` aborts
   * (watch mode) or once (polling mode). Never throws.
   */
  async run(signal: AbortSignal): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const hooks: ClusterSyncHooks = {
      onListed: () => this.onListed(),
      onEvent: () => this.requestPublish(false),
      onGone: (sync, stream) =>
        this.logger.info(
          `Watch of ${stream.describe()} on cluster ${
            sync.cluster.name
          } got 410 Gone; listing again`,
        ),
      onError: (sync, stream, operation, error) => {
        this.logger.error(
          `${this.getProviderName()} could not ${operation} ${stream.describe()} on cluster ${
            sync.cluster.name
          }: ${describeError(
            error,
          )}; keeping the last good entities and retrying`,
        );
        this.schedulePartialPublish();
      },
    };
    try {
      await Promise.all(
        this.syncs.map(sync =>
          sync.run(
            signal,
            {
              watch: this.config.watch,
              fullResyncIntervalMs: this.config.fullResyncIntervalMs,
            },
            hooks,
          ),
        ),
      );
    } catch (error) {
      this.logger.error(
        `${this.getProviderName()} sync failed: ${describeError(error)}`,
      );
    }
    if (this.partialTimer) {
      clearTimeout(this.partialTimer);
      this.partialTimer = undefined;
      this.requestPublish(false);
    }
    await this.flushing;
  }

  private onListed() {
    if (this.syncs.every(s => s.isKnown())) {
      clearTimeout(this.partialTimer);
      this.partialTimer = undefined;
      this.requestPublish(true);
    } else {
      this.schedulePartialPublish();
    }
  }

  /**
   * Some collection is not read yet: give the others a moment, then publish
   * what is known (as upserts) rather than wait for a cluster that is down.
   */
  private schedulePartialPublish() {
    if (!this.partialTimer) {
      this.partialTimer = setTimeout(() => {
        this.partialTimer = undefined;
        this.requestPublish(false);
      }, PARTIAL_PUBLISH_DELAY_MS);
      this.partialTimer.unref?.();
    }
  }

  private requestPublish(full: boolean) {
    if (full) this.pendingFull = true;
    else this.pendingDelta = true;
    if (!this.flushing) {
      this.flushing = this.flushLoop().finally(() => {
        this.flushing = undefined;
      });
    }
  }

  private async flushLoop() {
    // Let events that arrive together (a list's streams, a burst of watch
    // events) coalesce into one mutation.
    await new Promise(resolve => setImmediate(resolve));
    while (this.pendingFull || this.pendingDelta) {
      const full = this.pendingFull;
      this.pendingFull = false;
      this.pendingDelta = false;
      try {
        await this.publish(full);
      } catch (error) {
        // The catalog's database failed; the next publish retries from the
        // same `emitted` state, so nothing is lost.
        this.logger.error(
          `${this.getProviderName()} could not apply its mutation: ${describeError(
            error,
          )}`,
        );
        this.fullMutationApplied = false;
      }
    }
  }

  private async protectedRefs(): Promise<Set<string> | undefined> {
    if (!this.modelLinkedJobs) {
      return new Set();
    }
    if (
      !this.modelLinks ||
      Date.now() - this.modelLinks.readAt > MODEL_LINKS_TTL_MS
    ) {
      this.modelLinks = {
        refs: await this.modelLinkedJobs.read(),
        readAt: Date.now(),
      };
    }
    return this.modelLinks.refs;
  }

  private async publish(full: boolean) {
    const build = this.builder.build(this.syncs, await this.protectedRefs());
    const allKnown = this.syncs.every(s => s.isKnown());
    if ((full || !this.fullMutationApplied) && allKnown) {
      await this.applyFull(build);
      return;
    }
    await this.applyDelta(build, allKnown);
  }

  private async applyFull(build: TrainerBuild) {
    const entities: DeferredEntity[] = [...build.entities.values()].map(
      ({ entity }) => ({ entity, locationKey: this.getProviderName() }),
    );
    await this.connection!.applyMutation({ type: 'full', entities });
    this.emitted = new Map(
      [...build.entities].map(([ref, { json }]) => [ref, json]),
    );
    this.fullMutationApplied = true;
    const { trainJobs, runtimes, datasets, skipped, retired } = build.counts;
    this.logger.info(
      `Read ${trainJobs} TrainJobs, ${runtimes} training runtimes and ${datasets} datasets from ${
        this.syncs.length
      } cluster(s)${skipped ? `; skipped ${skipped} malformed TrainJobs` : ''}${
        retired ? `; ${retired} TrainJobs left out by retention` : ''
      }`,
    );
  }

  private async applyDelta(build: TrainerBuild, allKnown: boolean) {
    const added: Array<[string, { entity: Entity; json: string }]> = [];
    for (const [ref, value] of build.entities) {
      if (this.emitted.get(ref) !== value.json) {
        added.push([ref, value]);
      }
    }
    const removed: string[] = [];
    for (const ref of this.emitted.keys()) {
      // While a cluster is unread, a dataset may still be used by its jobs:
      // Resources are only removed once every cluster has been read.
      if (
        !build.entities.has(ref) &&
        (allKnown || !ref.startsWith('resource:'))
      ) {
        removed.push(ref);
      }
    }
    if (added.length === 0 && removed.length === 0) {
      return;
    }
    await this.connection!.applyMutation({
      type: 'delta',
      added: added.map(([, { entity }]) => ({
        entity,
        locationKey: this.getProviderName(),
      })),
      removed: removed.map(entityRef => ({
        entityRef,
        locationKey: this.getProviderName(),
      })),
    });
    for (const [ref, { json }] of added) this.emitted.set(ref, json);
    for (const ref of removed) this.emitted.delete(ref);
    this.logger.debug(
      `Applied a delta of ${added.length} upserts and ${removed.length} removals`,
    );
  }
}
