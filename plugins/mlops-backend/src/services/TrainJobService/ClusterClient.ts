import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  CoreV1Api,
  CustomObjectsApi,
  Log,
  Observable,
  PatchStrategy,
  type ConfigurationOptions,
  type CoreV1Event,
  type ObservableMiddleware,
  type V1Pod,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  TRAINER_API_GROUP,
  TRAINER_API_VERSION,
  makeKubeConfig,
  type KubeflowCluster,
  type TrainJob,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import type { Writable } from 'node:stream';
import { ClusterRequestError } from '../../lib/errors';

const TRAINJOBS = {
  group: TRAINER_API_GROUP,
  version: TRAINER_API_VERSION,
  plural: 'trainjobs',
};
/** Label JobSet puts on every pod of a TrainJob (JobSet name = TrainJob name). */
export const LABEL_JOBSET_NAME = 'jobset.sigs.k8s.io/jobset-name';

/** The HTTP status of a client-node error, if it carries one. */
function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' && code >= 100 && code < 600
    ? code
    : undefined;
}

/** Why a request failed, safe for logs: no URL, token or upstream body. */
export function describeClusterError(error: unknown): string {
  const status = statusOf(error);
  if (status !== undefined) {
    return `HTTP ${status}`;
  }
  const e = error as {
    name?: string;
    cause?: { code?: string; name?: string };
  };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') {
    return 'timeout';
  }
  return e?.cause?.code ?? e?.name ?? 'unknown error';
}

/**
 * The Kubernetes calls the mlops backend makes on one cluster. Every
 * failure becomes a {@link ClusterRequestError} (502) whose message names
 * the cluster and the HTTP status only, except a 404 of the object asked
 * for, which becomes a NotFoundError.
 */
export class ClusterClient {
  private readonly customObjects: CustomObjectsApi;
  private readonly core: CoreV1Api;
  private readonly log: Log;

  constructor(
    readonly cluster: KubeflowCluster,
    private readonly timeoutMs: number,
    private readonly logger: LoggerService,
  ) {
    const kubeConfig = makeKubeConfig(cluster);
    this.customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.log = new Log(kubeConfig);
  }

  async getTrainJob(namespace: string, name: string): Promise<TrainJob> {
    return (await this.call(`read TrainJob ${namespace}/${name}`, options =>
      this.customObjects.getNamespacedCustomObject(
        { ...TRAINJOBS, namespace, name },
        options,
      ),
    )) as TrainJob;
  }

  async listPods(namespace: string, trainJob: string): Promise<V1Pod[]> {
    const list = await this.call(`list pods of ${namespace}/${trainJob}`, o =>
      this.core.listNamespacedPod(
        { namespace, labelSelector: `${LABEL_JOBSET_NAME}=${trainJob}` },
        o,
      ),
    );
    return list.items ?? [];
  }

  async listEvents(
    namespace: string,
    objectName: string,
  ): Promise<CoreV1Event[]> {
    const list = await this.call(
      `list events of ${namespace}/${objectName}`,
      o =>
        this.core.listNamespacedEvent(
          { namespace, fieldSelector: `involvedObject.name=${objectName}` },
          o,
        ),
    );
    return list.items ?? [];
  }

  async setSuspend(
    namespace: string,
    name: string,
    suspend: boolean,
  ): Promise<TrainJob> {
    return (await this.call(
      `${suspend ? 'suspend' : 'resume'} TrainJob ${namespace}/${name}`,
      options =>
        this.customObjects.patchNamespacedCustomObject(
          { ...TRAINJOBS, namespace, name, body: { spec: { suspend } } },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch, options),
        ),
    )) as TrainJob;
  }

  async deleteTrainJob(namespace: string, name: string): Promise<void> {
    await this.call(`delete TrainJob ${namespace}/${name}`, options =>
      this.customObjects.deleteNamespacedCustomObject(
        { ...TRAINJOBS, namespace, name, propagationPolicy: 'Background' },
        options,
      ),
    );
  }

  /**
   * Starts streaming a container log into `sink`; resolves once the API
   * server has answered, with the controller that stops the stream.
   */
  async streamLog(
    namespace: string,
    pod: string,
    container: string,
    sink: Writable,
    options: { follow: boolean; tailLines: number },
  ): Promise<AbortController> {
    // client-node pipes the response body into `sink` without handling
    // the body's errors; aborting the request (our only way to stop a
    // followed log) would then crash the process with an unhandled
    // AbortError. 'pipe' hands us that body stream to guard it.
    sink.once('pipe', (body: NodeJS.ReadableStream) => {
      body.on('error', (error: Error) => {
        if (error.name === 'AbortError') {
          sink.end();
          return;
        }
        this.logger.warn(
          `Cluster ${
            this.cluster.name
          }: log stream of ${namespace}/${pod}/${container} broke: ${describeClusterError(
            error,
          )}`,
        );
        sink.destroy(
          new ClusterRequestError(
            `Cluster ${this.cluster.name} broke off the log stream`,
          ),
        );
      });
    });
    try {
      return await this.log.log(namespace, pod, container, sink, options);
    } catch (error) {
      throw this.failure(
        `stream log of ${namespace}/${pod}/${container}`,
        error,
      );
    }
  }

  private async call<T>(
    what: string,
    request: (
      options: ConfigurationOptions<ObservableMiddleware>,
    ) => Promise<T>,
  ): Promise<T> {
    try {
      return await request(this.timeoutOptions());
    } catch (error) {
      throw this.failure(what, error);
    }
  }

  /** Aborts a request that takes longer than the configured timeout. */
  private timeoutOptions(): ConfigurationOptions<ObservableMiddleware> {
    const timeoutMs = this.timeoutMs;
    return {
      middleware: [
        {
          pre: context => {
            context.setSignal(AbortSignal.timeout(timeoutMs));
            return new Observable(Promise.resolve(context));
          },
          post: response => new Observable(Promise.resolve(response)),
        },
      ],
      middlewareMergeStrategy: 'append',
    };
  }

  private failure(what: string, error: unknown): Error {
    const status = statusOf(error);
    const name = this.cluster.name;
    if (status === 404) {
      return new NotFoundError(
        `Could not ${what}: not found on cluster ${name}`,
      );
    }
    const reason = describeClusterError(error);
    this.logger.warn(`Cluster ${name}: could not ${what}: ${reason}`);
    if (reason === 'timeout') {
      return new ClusterRequestError(
        `Cluster ${name} did not answer within ${Math.round(
          this.timeoutMs / 1000,
        )} s`,
      );
    }
    return new ClusterRequestError(
      status !== undefined
        ? `Cluster ${name} did not answer (HTTP ${status})`
        : `Cluster ${name} could not be reached`,
    );
  }
}
