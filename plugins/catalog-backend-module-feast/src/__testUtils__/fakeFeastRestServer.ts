import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeRegistryMessage } from '../registry/registryProto';

/** Largest page this fake server hands out, whatever `limit` asks for. */
const SERVER_MAX_LIMIT = 10;

function iso(ts: any): string {
  const ms = Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
  return new Date(ms).toISOString();
}

/**
 * Rewrites decoded protobuf objects the way Feast's `MessageToDict` prints
 * them: Timestamps as RFC 3339 strings and Durations as `"<n>s"` (camelCase
 * keys, enum names and omitted defaults already match).
 */
function toProtoJson(value: any, key = ''): any {
  if (Array.isArray(value)) return value.map(v => toProtoJson(v, key));
  if (!value || typeof value !== 'object') return value;
  if (/(Timestamp|^lastUpdated|Time)$/.test(key) && 'seconds' in value) {
    return iso(value);
  }
  if (key === 'ttl' && 'seconds' in value) return `${value.seconds}s`;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, toProtoJson(v, k)]),
  );
}

function snakeKeys(value: any): any {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`),
      k === 'tags' || k === 'fieldMapping' ? v : snakeKeys(v),
    ]),
  );
}

/** Options of {@link startFakeFeastRestServer}. */
export interface FakeFeastRestServerOptions {
  /** Required bearer token, if any. */
  token?: string;
  /** Returns an HTTP status to fail a request with, or undefined. */
  fail?: (path: string, page: number) => number | undefined;
}

/** A running fake Feast REST registry server. */
export interface FakeFeastRestServer {
  /** `http://127.0.0.1:<port>/api/v1` */
  baseUrl: string;
  /** Paths (with query) requested so far. */
  requests: string[];
  options: FakeFeastRestServerOptions;
  close(): Promise<void>;
}

/**
 * Serves the Feast REST registry API (`/api/v1`, as in Feast 0.51+) with
 * answers equivalent to a `registry.db`: per-project list endpoints with
 * `page`/`limit` pagination (paginated only when both are given, at most
 * 10 items a page here, `hasNext` omitted when false), feature views of every
 * type flattened with a `type`, flat data sources, and default values
 * omitted. Every other data source is printed with snake_case keys, as the
 * REST server mixes casings across endpoints.
 */
export async function startFakeFeastRestServer(
  registryBytes: Uint8Array,
  options: FakeFeastRestServerOptions = {},
): Promise<FakeFeastRestServer> {
  const raw = toProtoJson(decodeRegistryMessage(registryBytes));
  const projectNames = new Set<string>([
    ...(raw.projects ?? []).map((p: any) => p.spec.name),
    ...['entities', 'featureViews', 'featureServices', 'onDemandFeatureViews']
      .flatMap(k => raw[k] ?? [])
      .map((o: any) => o.spec.project),
  ]);
  const projects = [...projectNames].map(
    name =>
      (raw.projects ?? []).find((p: any) => p.spec.name === name) ?? {
        spec: { name },
      },
  );
  const inProject = (list: any[] | undefined, project: string) =>
    (list ?? []).filter(o => (o.spec?.project ?? o.project) === project);
  const lists: Record<string, (project: string) => any[]> = {
    '/entities': p => inProject(raw.entities, p),
    '/data_sources': p =>
      inProject(raw.dataSources, p).map((s, i) => (i % 2 ? snakeKeys(s) : s)),
    '/feature_views': p => [
      ...inProject(raw.featureViews, p).map(v => ({
        ...v,
        type: 'featureView',
      })),
      ...inProject(raw.onDemandFeatureViews, p).map(v => ({
        ...v,
        type: 'onDemandFeatureView',
      })),
      ...inProject(raw.streamFeatureViews, p).map(v => ({
        ...v,
        type: 'streamFeatureView',
      })),
    ],
    '/feature_services': p => inProject(raw.featureServices, p),
    '/saved_datasets': p => inProject(raw.savedDatasets, p),
  };
  const keys: Record<string, string> = {
    '/projects': 'projects',
    '/entities': 'entities',
    '/data_sources': 'dataSources',
    '/feature_views': 'featureViews',
    '/feature_services': 'featureServices',
    '/saved_datasets': 'savedDatasets',
  };

  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (
      options.token &&
      req.headers.authorization !== `Bearer ${options.token}`
    ) {
      send(401, {
        status_code: 401,
        detail: 'Unauthorized',
        error_type: 'AuthenticationError',
      });
      return;
    }
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const project = url.searchParams.get('project');
    const page = Number(url.searchParams.get('page') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 0);
    const failure = options.fail?.(path, page);
    if (failure) {
      send(failure, {
        status_code: failure,
        detail: 'boom',
        error_type: 'InternalServerError',
      });
      return;
    }
    let items: any[];
    if (path === '/projects') {
      items = projects;
    } else if (lists[path]) {
      if (!project) {
        send(422, {
          status_code: 422,
          detail: 'project is required',
          error_type: 'RequestValidationError',
        });
        return;
      }
      items = lists[path](project);
    } else {
      send(404, {
        status_code: 404,
        detail: 'Not Found',
        error_type: 'FeastObjectNotFoundException',
      });
      return;
    }
    const body: Record<string, unknown> = {};
    if (page > 0 && limit > 0) {
      const size = Math.min(limit, SERVER_MAX_LIMIT);
      const totalPages = Math.ceil(items.length / size);
      const slice = items.slice((page - 1) * size, page * size);
      if (slice.length) body[keys[path]] = slice;
      // MessageToDict leaves out false and zero values.
      body.pagination = Object.fromEntries(
        Object.entries({
          page,
          limit: size,
          totalCount: items.length,
          totalPages,
          hasNext: page < totalPages,
          hasPrevious: page > 1,
        }).filter(([, v]) => v !== 0 && v !== false),
      );
    } else if (items.length) {
      body[keys[path]] = items;
    }
    send(200, body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    options,
    close: async () => {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}
