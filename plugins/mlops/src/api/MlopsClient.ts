import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { MlopsApiError } from './MlopsApiError';
import type { MlopsApi } from './MlopsApi';
import type {
  ComplianceReportFilters,
  ComplianceReportResponse,
  EntityComplianceResponse,
  LineageRequest,
  LineageResponse,
  TrainJobActionResponse,
  TrainJobId,
  TrainJobLogStream,
  TrainJobLogsRequest,
  TrainJobStatusResponse,
} from './types';

const PLUGIN_ID = 'mlops';

interface ErrorBody {
  error?: { name?: string; message?: string };
}

/** Reads Backstage's JSON error body, or undefined for any other body. */
async function readErrorBody(response: Response): Promise<ErrorBody['error']> {
  try {
    const body = (await response.json()) as ErrorBody;
    return body && typeof body.error === 'object' ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns a failed response into an {@link MlopsApiError} with a message that
 * says what to do. Only the backend's own error message is shown, never the
 * request URL.
 */
export async function toMlopsApiError(
  response: Response,
  what: string,
): Promise<MlopsApiError> {
  const status = response.status;
  const error = await readErrorBody(response);
  const message = error?.message;
  if (status === 404 && !error) {
    // A route of the plugin answers 404 with a JSON error body; an empty 404
    // comes from the backend's catch-all, so the plugin is not mounted.
    return new MlopsApiError(
      'not-installed',
      `Could not ${what}: the Backstage backend has no mlops plugin. Ask your platform team to install @sovereign-ai/backstage-plugin-mlops-backend.`,
      { status },
    );
  }
  if (status === 401) {
    return new MlopsApiError(
      'permission',
      `Could not ${what}: you are not signed in, or your session has expired. Sign in again.`,
      { status },
    );
  }
  if (status === 403) {
    return new MlopsApiError(
      'permission',
      `Could not ${what}: your permissions do not allow it${
        message ? ` (${message})` : ''
      }. Ask the entity's owner or your platform team for access.`,
      { status },
    );
  }
  if (status === 502 && error) {
    return new MlopsApiError(
      'cluster',
      `Could not ${what}: ${
        message ?? 'the Kubernetes cluster did not answer'
      }. The cluster may be unreachable from Backstage; try again later.`,
      { status },
    );
  }
  if (status === 502 || status === 503 || status === 504) {
    return new MlopsApiError(
      'unreachable',
      `Could not ${what}: the Backstage backend is not answering (HTTP ${status}). It may be restarting; try again in a moment.`,
      { status },
    );
  }
  if (status === 404) {
    return new MlopsApiError(
      'not-found',
      `Could not ${what}: ${message ?? 'not found'}.`,
      { status },
    );
  }
  if (status === 400) {
    return new MlopsApiError(
      'input',
      `Could not ${what}: ${message ?? 'the request was rejected'}.`,
      { status },
    );
  }
  return new MlopsApiError(
    'server',
    `Could not ${what}: the mlops backend failed (HTTP ${status}${
      message ? `: ${message}` : ''
    }).`,
    { status },
  );
}

function isAbort(e: unknown): boolean {
  return (e as Error)?.name === 'AbortError';
}

function jobPath({ cluster, namespace, name }: TrainJobId): string {
  return `/trainjobs/${encodeURIComponent(cluster)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

function filterQuery(filters: ComplianceReportFilters = {}): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(filters)) {
    if (Array.isArray(values) && values.length > 0) {
      query.set(key, values.join(','));
    }
  }
  return query;
}

/**
 * The {@link MlopsApi} over HTTP: the backend's URL from the discovery API,
 * requests through the fetch API (which adds the user's token).
 *
 * @public
 */
export class MlopsClient implements MlopsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getLineage(request: LineageRequest): Promise<LineageResponse> {
    const query = new URLSearchParams({ entityRef: request.entityRef });
    if (request.direction) query.set('direction', request.direction);
    if (request.depth) query.set('depth', String(request.depth));
    if (request.kinds?.length) query.set('kinds', request.kinds.join(','));
    return this.json(`/lineage?${query}`, 'load the lineage');
  }

  async getTrainJobStatus(id: TrainJobId): Promise<TrainJobStatusResponse> {
    return this.json(jobPath(id), 'load the live status of the training job');
  }

  async openTrainJobLogs(
    id: TrainJobId,
    request: TrainJobLogsRequest,
    signal?: AbortSignal,
  ): Promise<TrainJobLogStream> {
    const query = new URLSearchParams();
    if (request.pod) query.set('pod', request.pod);
    if (request.container) query.set('container', request.container);
    if (request.tailLines) query.set('tailLines', String(request.tailLines));
    if (request.follow) query.set('follow', 'true');
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort);
    const response = await this.request(
      `${jobPath(id)}/logs?${query}`,
      'load the logs',
      { signal: controller.signal },
    );
    const body = response.body;
    async function* chunks(): AsyncGenerator<string> {
      if (!body) {
        yield await response.text();
        return;
      }
      // Read the stream as it arrives, so that followed logs show up live.
      const reader = body.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          yield decoder.decode(value, { stream: true });
        }
        const rest = decoder.decode();
        if (rest) yield rest;
      } catch (e) {
        if (!isAbort(e)) throw e;
      } finally {
        signal?.removeEventListener('abort', abort);
        reader.releaseLock();
      }
    }
    return {
      pod: response.headers.get('X-Mlops-Pod') ?? undefined,
      container: response.headers.get('X-Mlops-Container') ?? undefined,
      chunks: chunks(),
      close: abort,
    };
  }

  async setTrainJobSuspended(
    id: TrainJobId,
    suspended: boolean,
  ): Promise<TrainJobActionResponse> {
    const action = suspended ? 'suspend' : 'resume';
    return this.json(`${jobPath(id)}/${action}`, `${action} the training job`, {
      method: 'POST',
    });
  }

  async deleteTrainJob(id: TrainJobId): Promise<void> {
    await this.request(jobPath(id), 'delete the training job', {
      method: 'DELETE',
    });
  }

  async getEntityCompliance(
    entityRef: string,
  ): Promise<EntityComplianceResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.json(`/compliance?${query}`, 'load the compliance checks');
  }

  async getComplianceReport(
    filters?: ComplianceReportFilters,
  ): Promise<ComplianceReportResponse> {
    const query = filterQuery(filters);
    query.set('format', 'json');
    return this.json(
      `/compliance/report?${query}`,
      'load the compliance report',
    );
  }

  async getComplianceReportCsv(
    filters?: ComplianceReportFilters,
  ): Promise<string> {
    const query = filterQuery(filters);
    query.set('format', 'csv');
    const response = await this.request(
      `/compliance/report?${query}`,
      'export the compliance report',
    );
    return response.text();
  }

  private async json<T>(
    path: string,
    what: string,
    init?: RequestInit,
  ): Promise<T> {
    const response = await this.request(path, what, init);
    return (await response.json()) as T;
  }

  private async request(
    path: string,
    what: string,
    init?: RequestInit,
  ): Promise<Response> {
    let response: Response;
    try {
      const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
      response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new MlopsApiError(
        'unreachable',
        `Could not ${what}: the Backstage backend cannot be reached. It may be down or restarting; try again in a moment.`,
        { cause: e as Error },
      );
    }
    if (!response.ok) {
      throw await toMlopsApiError(response, what);
    }
    return response;
  }
}
