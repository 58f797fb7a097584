import { ResponseError } from '@backstage/errors';
import type {
  ModelArtifact,
  ModelVersion,
  RegisteredModel,
  RegistrySnapshot,
} from './types';

const API_PATH = '/api/model_registry/v1alpha3';
/** Version artifact lists fetched at the same time. */
const ARTIFACT_CONCURRENCY = 8;
/** A registry that keeps answering with more pages than this is broken. */
const MAX_PAGES = 100_000;

interface ListResponse<T> {
  items?: T[];
  nextPageToken?: string;
  size?: number;
  pageSize?: number;
}

/**
 * A small client of the Kubeflow Model Registry REST API
 * (`/api/model_registry/v1alpha3`): paged lists with `pageSize` and
 * `nextPageToken`, a bearer token and a timeout on every request.
 */
export class ModelRegistryClient {
  constructor(
    private readonly options: {
      baseUrl: string;
      token?: string;
      pageSize: number;
      requestTimeoutMs: number;
    },
  ) {}

  private async get<T>(path: string, query: Record<string, string>) {
    const url = new URL(`${this.options.baseUrl}${API_PATH}${path}`);
    for (const [key, value] of Object.entries(query)) {
      url.searchParams.set(key, value);
    }
    const response = await fetch(url, {
      headers: {
        Accept: 'application/json',
        ...(this.options.token
          ? { Authorization: `Bearer ${this.options.token}` }
          : {}),
      },
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  /** Every item of a collection, following `nextPageToken`. */
  async listAll<T>(path: string, query: Record<string, string> = {}) {
    const items: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.get<ListResponse<T>>(path, {
        ...query,
        pageSize: String(this.options.pageSize),
        orderBy: 'ID',
        sortOrder: 'ASC',
        ...(token ? { nextPageToken: token } : {}),
      });
      const pageItems = Array.isArray(response.items) ? response.items : [];
      items.push(...pageItems);
      token = response.nextPageToken || undefined;
      if (!token || pageItems.length === 0) {
        return items;
      }
      if (seen.has(token)) {
        throw new Error(
          `The registry repeated a page token while listing ${path}`,
        );
      }
      seen.add(token);
    }
    throw new Error(`Listing ${path} did not end after ${MAX_PAGES} pages`);
  }

  /**
   * Reads registered models and model versions with one paged list each,
   * then the model artifacts of each version (the API links artifacts to
   * versions only through `/model_versions/{id}/artifacts`). Any failed
   * request fails the whole read, so a caller never sees half a registry.
   */
  async readAll(options: {
    includeArchived: boolean;
  }): Promise<RegistrySnapshot> {
    const models = await this.listAll<RegisteredModel>('/registered_models');
    const wanted = new Set(
      models
        .filter(m => options.includeArchived || m.state !== 'ARCHIVED')
        .map(m => m.id),
    );
    const versions = (
      await this.listAll<ModelVersion>('/model_versions')
    ).filter(
      v =>
        wanted.has(v.registeredModelId) &&
        (options.includeArchived || v.state !== 'ARCHIVED'),
    );
    const artifacts = new Map<string, ModelArtifact[]>();
    let next = 0;
    const worker = async () => {
      while (next < versions.length) {
        const version = versions[next++];
        const list = await this.listAll<ModelArtifact>(
          `/model_versions/${encodeURIComponent(version.id)}/artifacts`,
          { artifactType: 'model-artifact' },
        );
        artifacts.set(
          version.id,
          list.filter(
            a => !a.artifactType || a.artifactType === 'model-artifact',
          ),
        );
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(ARTIFACT_CONCURRENCY, versions.length) },
        worker,
      ),
    );
    return { models, versions, artifacts };
  }
}
