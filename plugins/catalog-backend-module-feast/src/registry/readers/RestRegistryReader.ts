import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { normalizeRegistry, type RawRegistry } from '../normalizeRegistry';
import type { FeastRegistryReader, FeastRegistrySnapshot } from '../types';
import { fetchWithTimeout } from './fetchWithTimeout';

/** The REST server's maximum page size. */
const PAGE_SIZE = 100;
/** Stops a server that ignores `page` from looping forever. */
const MAX_PAGES = 10_000;

type ViewList = 'featureViews' | 'streamFeatureViews' | 'onDemandFeatureViews';

const VIEW_LISTS: Record<string, ViewList | null> = {
  featureView: 'featureViews',
  streamFeatureView: 'streamFeatureViews',
  onDemandFeatureView: 'onDemandFeatureViews',
  // Label views are not mapped to catalog entities.
  labelView: null,
};

/**
 * Options of {@link RestRegistryReader}.
 *
 * @public
 */
export interface RestRegistryReaderOptions {
  /** Base URL of the REST API, for example `http://feast:6572/api/v1`. */
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  /** Only these projects are read; all when absent. */
  projects?: string[];
}

function pick(body: any, camel: string, snake: string): any {
  return body?.[camel] ?? body?.[snake];
}

/**
 * Reads a Feast registry through the REST registry server
 * (`feast serve_registry --rest-api`, Feast 0.50+): the project list, then per
 * project every entity, data source, feature view (all types), feature
 * service and saved dataset, page by page until `hasNext` is gone. Any failed
 * page fails the whole read, so a partial registry is never returned.
 *
 * @public
 */
export class RestRegistryReader implements FeastRegistryReader {
  private readonly baseUrl: string;

  constructor(private readonly options: RestRegistryReaderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async read(): Promise<FeastRegistrySnapshot> {
    const projects = await this.list('/projects', {}, 'projects', 'projects');
    const wanted = projects.filter(project => {
      const name = project?.spec?.name;
      return (
        typeof name === 'string' &&
        (!this.options.projects || this.options.projects.includes(name))
      );
    });
    const raw: Required<Omit<RawRegistry, 'projectMetadata'>> = {
      projects: wanted,
      entities: [],
      dataSources: [],
      featureViews: [],
      streamFeatureViews: [],
      onDemandFeatureViews: [],
      featureServices: [],
      savedDatasets: [],
    };
    for (const project of wanted) {
      const name: string = project.spec.name;
      const query = { project: name };
      const withProject = (items: any[]) =>
        items.map(item => {
          if (item?.spec && typeof item.spec === 'object') {
            item.spec.project ??= name;
          }
          return item;
        });
      raw.entities.push(
        ...withProject(
          await this.list('/entities', query, 'entities', 'entities'),
        ),
      );
      for (const source of await this.list(
        '/data_sources',
        query,
        'dataSources',
        'data_sources',
      )) {
        // Data sources are flat: the project sits next to the name.
        if (source && typeof source === 'object') source.project ??= name;
        raw.dataSources.push(source);
      }
      for (const view of withProject(
        await this.list(
          '/feature_views',
          query,
          'featureViews',
          'feature_views',
        ),
      )) {
        const target = VIEW_LISTS[view?.type ?? 'featureView'];
        if (target === undefined) {
          throw new InputError(
            `GET /feature_views (project ${name}) returned an unknown view type "${view?.type}"`,
          );
        }
        if (target) raw[target].push(view);
      }
      raw.featureServices.push(
        ...withProject(
          await this.list(
            '/feature_services',
            query,
            'featureServices',
            'feature_services',
          ),
        ),
      );
      raw.savedDatasets.push(
        ...withProject(
          await this.list(
            '/saved_datasets',
            query,
            'savedDatasets',
            'saved_datasets',
          ),
        ),
      );
    }
    return normalizeRegistry(raw);
  }

  /** Fetches every page of a list endpoint. */
  private async list(
    path: string,
    query: Record<string, string>,
    camelKey: string,
    snakeKey: string,
  ): Promise<any[]> {
    const items: any[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const params = new URLSearchParams({
        ...query,
        page: String(page),
        limit: String(PAGE_SIZE),
      });
      const what = `GET ${path}${
        query.project
          ? ` (project ${query.project}, page ${page})`
          : ` (page ${page})`
      }`;
      const body = await fetchWithTimeout(
        `${this.baseUrl}${path}?${params}`,
        {
          token: this.options.token,
          timeoutMs: this.options.timeoutMs,
          what,
          accept: 'application/json',
        },
        async response => {
          const text = await response.text();
          try {
            return JSON.parse(text);
          } catch {
            throw new InputError(`${what} did not answer JSON`);
          }
        },
      );
      const list = pick(body, camelKey, snakeKey);
      // Feast omits empty lists, like every default value.
      if (list !== undefined && !Array.isArray(list)) {
        throw new InputError(`${what} answered without a ${camelKey} list`);
      }
      if (body === null || typeof body !== 'object') {
        throw new InputError(`${what} answered ${typeof body}, not an object`);
      }
      items.push(...(list ?? []));
      const pagination = body.pagination;
      if (!pick(pagination, 'hasNext', 'has_next')) return items;
    }
    throw new ServiceUnavailableError(
      `GET ${path} still had a next page after ${MAX_PAGES} pages`,
    );
  }
}
