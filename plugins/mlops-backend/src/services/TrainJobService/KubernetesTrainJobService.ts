import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  trainingJobRef,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { deriveTrainJobPhase } from '@sovereign-ai/backstage-plugin-mlops-node';
import { PassThrough } from 'node:stream';
import type {
  TrainJobActionResponse,
  TrainJobStatusResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import type { MlopsBackendConfig } from '../../config/readMlopsBackendConfig';
import { mlopsTrainJobManagePermission } from '@sovereign-ai/backstage-plugin-mlops-common';
import { ClusterClient } from './ClusterClient';
import { LogStreamLimiter } from './LogStreamLimiter';
import { toTrainJobStatus } from './toTrainJobStatus';
import type {
  TrainJobId,
  TrainJobLogRequest,
  TrainJobLogStream,
  TrainJobService,
} from './TrainJobService';

/** Events are read for at most this many objects (job, its Jobs and pods). */
const MAX_EVENT_OBJECTS = 32;

/**
 * {@link TrainJobService} on the Kubernetes API of the configured clusters.
 *
 * @public
 */
export class KubernetesTrainJobService implements TrainJobService {
  /** Creates the service for the clusters of `config`. */
  static create(options: {
    config: MlopsBackendConfig;
    catalog: CatalogService;
    permissions: PermissionsService;
    logger: LoggerService;
  }): KubernetesTrainJobService {
    const clients = new Map(
      [...options.config.clusters.values()].map(cluster => [
        cluster.name,
        new ClusterClient(
          cluster,
          options.config.clusterRequestTimeoutMs,
          options.logger,
        ),
      ]),
    );
    return new KubernetesTrainJobService(
      clients,
      options.catalog,
      options.permissions,
      new LogStreamLimiter(options.config.maxConcurrentStreamsPerUser),
    );
  }

  private constructor(
    private readonly clients: Map<string, ClusterClient>,
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
    private readonly limiter: LogStreamLimiter,
  ) {}

  async getStatus(
    id: TrainJobId,
    options: { credentials: BackstageCredentials },
  ): Promise<TrainJobStatusResponse> {
    const { entityRef, client } = await this.resolve(id, options.credentials);
    const [trainJob, pods] = await Promise.all([
      client.getTrainJob(id.namespace, id.name),
      client.listPods(id.namespace, id.name).then(
        items => ({ items }),
        error => ({ error: error as Error }),
      ),
    ]);
    const warnings: string[] = [];
    let podItems: V1Pod[] = [];
    if ('error' in pods) {
      warnings.push(`Pods could not be read: ${pods.error.message}`);
    } else {
      podItems = pods.items;
    }
    const events = await this.readEvents(client, id, podItems, warnings);
    return toTrainJobStatus({
      cluster: id.cluster,
      entityRef,
      trainJob,
      pods: podItems,
      events,
      warnings,
    });
  }

  async openLogs(
    id: TrainJobId,
    request: TrainJobLogRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<TrainJobLogStream> {
    const { client } = await this.resolve(id, options.credentials);
    const release = this.limiter.acquire(principalOf(options.credentials));
    try {
      const pods = await client.listPods(id.namespace, id.name);
      const pod = pickPod(pods, request.pod, id);
      const container = pickContainer(pod, request.container);
      const podName = pod.metadata!.name!;
      const stream = new PassThrough();
      const controller = await client.streamLog(
        id.namespace,
        podName,
        container,
        stream,
        { follow: request.follow, tailLines: request.tailLines },
      );
      const close = () => {
        release();
        controller.abort();
        stream.end();
      };
      stream.on('end', release);
      stream.on('close', release);
      return { pod: podName, container, stream, close };
    } catch (error) {
      release();
      throw error;
    }
  }

  async setSuspended(
    id: TrainJobId,
    suspend: boolean,
    options: { credentials: BackstageCredentials },
  ): Promise<TrainJobActionResponse> {
    const { entityRef, client } = await this.resolve(id, options.credentials);
    await this.authorizeManage(entityRef, options.credentials);
    const current = await client.getTrainJob(id.namespace, id.name);
    const phase = deriveTrainJobPhase(current);
    if (phase === 'Succeeded' || phase === 'Failed') {
      throw new ConflictError(
        `TrainJob ${id.namespace}/${id.name} has ${phase.toLocaleLowerCase(
          'en-US',
        )}; only pending, running or suspended jobs can be ${
          suspend ? 'suspended' : 'resumed'
        }`,
      );
    }
    const updated = await client.setSuspend(id.namespace, id.name, suspend);
    return {
      entityRef,
      action: suspend ? 'suspend' : 'resume',
      suspended: updated.spec?.suspend === true,
    };
  }

  async delete(
    id: TrainJobId,
    options: { credentials: BackstageCredentials },
  ): Promise<void> {
    const { entityRef, client } = await this.resolve(id, options.credentials);
    await this.authorizeManage(entityRef, options.credentials);
    await client.deleteTrainJob(id.namespace, id.name);
  }

  /**
   * Finds the TrainingJob entity of a TrainJob with the caller's
   * credentials (the catalog enforces `catalog.entity.read`) and the client
   * of its cluster. A missing and a hidden entity get the same 404.
   */
  private async resolve(
    id: TrainJobId,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; entity: Entity; client: ClusterClient }> {
    const entityRef = trainingJobRef(id.cluster, id.namespace, id.name);
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    const annotations = entity?.metadata.annotations ?? {};
    if (
      !entity ||
      annotations[ANNOTATION_KUBEFLOW_CLUSTER] !== id.cluster ||
      annotations[ANNOTATION_KUBEFLOW_NAMESPACE] !== id.namespace ||
      annotations[ANNOTATION_KUBEFLOW_NAME] !== id.name
    ) {
      throw new NotFoundError(
        `No TrainingJob for TrainJob ${id.namespace}/${id.name} on cluster ${id.cluster} in the catalog`,
      );
    }
    const client = this.clients.get(id.cluster);
    if (!client) {
      throw new NotFoundError(
        `Cluster ${id.cluster} is not configured for the mlops backend (mlops.clusters or catalog.providers.kubeflowTrainer)`,
      );
    }
    return { entityRef, entity, client };
  }

  private async authorizeManage(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    const [decision] = await this.permissions.authorize(
      [{ permission: mlopsTrainJobManagePermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not suspend, resume or delete ${entityRef} (permission mlops.trainjob.manage)`,
      );
    }
  }

  /**
   * Events of the TrainJob (and its JobSet, which has the same name), its
   * Jobs and its pods: one field-selector query per object, in parallel,
   * since a field selector cannot match several names.
   */
  private async readEvents(
    client: ClusterClient,
    id: TrainJobId,
    pods: V1Pod[],
    warnings: string[],
  ): Promise<CoreV1Event[]> {
    const names = new Set([id.name]);
    for (const pod of pods) {
      const job = pod.metadata?.labels?.['batch.kubernetes.io/job-name'];
      if (job) names.add(job);
    }
    for (const pod of pods) {
      if (pod.metadata?.name) names.add(pod.metadata.name);
    }
    const results = await Promise.allSettled(
      [...names]
        .slice(0, MAX_EVENT_OBJECTS)
        .map(name => client.listEvents(id.namespace, name)),
    );
    const failed = results.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    if (failed) {
      warnings.push(
        `Some events could not be read: ${(failed.reason as Error).message}`,
      );
    }
    return results.flatMap(r => (r.status === 'fulfilled' ? r.value : []));
  }
}

/** The key log streams are counted under: the user, or the calling service. */
function principalOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `${principal.type}:${principal.subject}`;
}

function pickPod(pods: V1Pod[], requested: string | undefined, id: TrainJobId) {
  if (pods.length === 0) {
    throw new NotFoundError(
      `TrainJob ${id.namespace}/${id.name} has no pods (yet) on cluster ${id.cluster}`,
    );
  }
  if (requested) {
    const pod = pods.find(p => p.metadata?.name === requested);
    if (!pod) {
      throw new InputError(
        `Pod '${requested}' is not a pod of TrainJob ${id.namespace}/${
          id.name
        }; its pods are ${pods
          .map(p => p.metadata?.name)
          .sort()
          .join(', ')}`,
      );
    }
    return pod;
  }
  // The first trainer node: where rank 0 logs the training progress.
  const byIndex = (p: V1Pod) =>
    Number(
      p.metadata?.labels?.['batch.kubernetes.io/job-completion-index'] ?? 0,
    );
  const nodes = pods.filter(
    p =>
      p.metadata?.labels?.['jobset.sigs.k8s.io/replicatedjob-name'] === 'node',
  );
  return [...(nodes.length ? nodes : pods)].sort(
    (a, b) =>
      byIndex(a) - byIndex(b) ||
      (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  )[0];
}

function pickContainer(pod: V1Pod, requested: string | undefined): string {
  const names = [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ].map(c => c.name);
  if (requested) {
    if (!names.includes(requested)) {
      throw new InputError(
        `Container '${requested}' is not in pod ${
          pod.metadata?.name
        }; its containers are ${names.join(', ')}`,
      );
    }
    return requested;
  }
  const main = (pod.spec?.containers ?? []).map(c => c.name);
  if (main.length === 1) {
    return main[0];
  }
  if (main.includes('node')) {
    return 'node';
  }
  throw new InputError(
    `Pod ${
      pod.metadata?.name
    } has several containers; choose one with container= (${names.join(', ')})`,
  );
}
