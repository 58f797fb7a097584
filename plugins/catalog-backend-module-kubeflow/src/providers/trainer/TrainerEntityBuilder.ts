import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { KubernetesObject } from '@kubernetes/client-node';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  ANNOTATION_KUBEFLOW_STORAGE_URI,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  KIND_CLUSTER_TRAINING_RUNTIME,
  LABEL_TRAINER_FRAMEWORK,
  TrainJob,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import { ClusterSync } from './ClusterSync';
import { datasetEntity } from './datasetEntity';
import {
  RetentionCandidate,
  RetentionPolicy,
  selectRetainedJobs,
} from './selectRetainedJobs';
import { trainingRuntimeToEntity } from './trainingRuntimeToEntity';
import { TrainJobMapping, trainJobToEntity } from './trainJobToEntity';
import type { TrainingRuntime } from './types';

/** The entities of one build, with their serialised form for diffs. */
export interface TrainerBuild {
  entities: Map<string, { entity: Entity; json: string }>;
  counts: {
    trainJobs: number;
    runtimes: number;
    datasets: number;
    skipped: number;
    retired: number;
  };
}

/** The Kubernetes object (or storage URI) an entity stands for, in words. */
function sourceOf(entity: Entity): string {
  const a = entity.metadata.annotations ?? {};
  if (a[ANNOTATION_KUBEFLOW_STORAGE_URI] && !a[ANNOTATION_KUBEFLOW_NAME]) {
    return `dataset ${a[ANNOTATION_KUBEFLOW_STORAGE_URI]}`;
  }
  const namespace = a[ANNOTATION_KUBEFLOW_NAMESPACE];
  return `${a[ANNOTATION_KUBEFLOW_KIND]} ${namespace ? `${namespace}/` : ''}${
    a[ANNOTATION_KUBEFLOW_NAME]
  } on cluster ${a[ANNOTATION_KUBEFLOW_CLUSTER]}`;
}

type CachedMapping =
  | { ok: true; mapping: TrainJobMapping; json: string; ref: string }
  | { ok: false };

/**
 * Turns the objects known for every cluster into entities. A TrainJob's
 * entity is cached by its resourceVersion (and its runtime's framework), so
 * a rebuild after one watch event only maps what changed.
 */
export class TrainerEntityBuilder {
  private cache = new Map<string, CachedMapping>();
  /** Name collisions already logged, so that each is logged once. */
  private readonly collisions = new Set<string>();

  constructor(
    private readonly options: {
      owner: string;
      runtimeOwner: string;
      feastNamespace: string;
      retention: RetentionPolicy;
      locationAnnotations: Record<string, string>;
      logger: LoggerService;
    },
  ) {}

  build(
    syncs: ClusterSync[],
    protectedRefs: ReadonlySet<string> | undefined,
  ): TrainerBuild {
    const entities = new Map<string, { entity: Entity; json: string }>();
    const add = (entity: Entity, json = JSON.stringify(entity)) => {
      const ref = stringifyEntityRef(entity);
      const holder = entities.get(ref)?.entity;
      if (holder && sourceOf(holder) !== sourceOf(entity)) {
        this.reportCollision(ref, sourceOf(holder), sourceOf(entity));
        return;
      }
      entities.set(ref, { entity, json });
    };
    const nextCache = new Map<string, CachedMapping>();
    const jobs: Array<{ mapping: TrainJobMapping; json: string; ref: string }> =
      [];
    const candidates: RetentionCandidate[] = [];
    let skipped = 0;
    let runtimes = 0;

    for (const sync of syncs) {
      const frameworks = new Map<string, string>();
      for (const runtime of sync.runtimes() as TrainingRuntime[]) {
        const framework = runtime.metadata?.labels?.[LABEL_TRAINER_FRAMEWORK];
        const scope =
          runtime.kind === KIND_CLUSTER_TRAINING_RUNTIME
            ? ''
            : runtime.metadata?.namespace ?? '';
        if (framework) {
          frameworks.set(
            `${runtime.kind}/${scope}/${runtime.metadata?.name}`,
            framework,
          );
        }
        add(
          trainingRuntimeToEntity(runtime, {
            cluster: sync.cluster,
            owner: this.options.runtimeOwner,
            locationAnnotations: this.options.locationAnnotations,
          }),
        );
        runtimes += 1;
      }

      for (const obj of sync.trainJobs()) {
        const result = this.mapTrainJob(sync, obj, frameworks, nextCache);
        if (!result.ok) {
          skipped += 1;
          continue;
        }
        jobs.push(result);
        candidates.push({
          ref: result.ref,
          cluster: sync.cluster.name,
          namespace: result.mapping.view.namespace,
          created: result.mapping.view.created,
          phase: result.mapping.entity.spec.phase ?? 'Pending',
        });
      }
    }
    this.cache = nextCache;

    // Without the list of protected jobs nothing may be dropped.
    const kept = protectedRefs
      ? selectRetainedJobs(
          candidates,
          this.options.retention,
          protectedRefs,
          Date.now(),
        )
      : new Set(candidates.map(c => c.ref));
    const datasetUris = new Set<string>();
    for (const job of jobs) {
      if (kept.has(job.ref)) {
        add(job.mapping.entity, job.json);
        job.mapping.datasetUris.forEach(uri => datasetUris.add(uri));
      }
    }
    for (const uri of datasetUris) {
      add(
        datasetEntity(uri, {
          owner: this.options.owner,
          locationAnnotations: this.options.locationAnnotations,
        }),
      );
    }
    return {
      entities,
      counts: {
        trainJobs: kept.size,
        runtimes,
        datasets: datasetUris.size,
        skipped,
        retired: jobs.length - kept.size,
      },
    };
  }

  /**
   * Entity names join cluster, namespace and name with '-', so two objects
   * can share one ('a-b'/'c' and 'a'/'b-c'). The first keeps the name; the
   * other is left out, loudly rather than silently overwriting.
   */
  private reportCollision(ref: string, holder: string, source: string) {
    const key = `${ref}\u0000${holder}\u0000${source}`;
    if (this.collisions.has(key)) return;
    this.collisions.add(key);
    this.options.logger.warn(
      `${source} and ${holder} both map to the entity ${ref}; only ${holder} is in the catalog. Rename one of them: entity names join cluster, namespace and name with "-".`,
    );
  }

  private mapTrainJob(
    sync: ClusterSync,
    obj: KubernetesObject,
    frameworks: Map<string, string>,
    nextCache: Map<string, CachedMapping>,
  ): CachedMapping {
    const job = obj as TrainJob;
    const runtimeRef = job.spec?.runtimeRef;
    const runtimeKind = runtimeRef?.kind ?? KIND_CLUSTER_TRAINING_RUNTIME;
    const framework = frameworks.get(
      `${runtimeKind}/${
        runtimeKind === KIND_CLUSTER_TRAINING_RUNTIME
          ? ''
          : job.metadata?.namespace ?? ''
      }/${runtimeRef?.name}`,
    );
    const cacheKey = `${sync.cluster.name}\u0000${job.metadata?.namespace}/${
      job.metadata?.name
    }\u0000${job.metadata?.resourceVersion ?? ''}\u0000${framework ?? ''}`;
    const cached = job.metadata?.resourceVersion
      ? this.cache.get(cacheKey)
      : undefined;
    if (cached) {
      nextCache.set(cacheKey, cached);
      return cached;
    }
    let result: CachedMapping;
    try {
      const mapping = trainJobToEntity(job, {
        cluster: sync.cluster,
        owner: this.options.owner,
        feastNamespace: this.options.feastNamespace,
        locationAnnotations: this.options.locationAnnotations,
        runtimeFramework: framework,
      });
      for (const warning of mapping.warnings) {
        this.options.logger.warn(
          `TrainJob ${mapping.view.namespace}/${mapping.view.name} on cluster ${sync.cluster.name}: ${warning}`,
        );
      }
      result = {
        ok: true,
        mapping,
        json: JSON.stringify(mapping.entity),
        ref: stringifyEntityRef(mapping.entity),
      };
    } catch (error) {
      this.options.logger.warn(
        `Skipped a malformed TrainJob on cluster ${sync.cluster.name}: ${
          (error as Error).message
        }`,
      );
      result = { ok: false };
    }
    nextCache.set(cacheKey, result);
    return result;
  }
}
