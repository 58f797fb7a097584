import { InputError } from '@backstage/errors';
import { IncomingMessage, ServerResponse } from 'node:http';
import { discoveryDocument } from './discovery';
import { readJsonBody, sendJson } from './httpJson';
import { applyPatch } from './patch';
import { PodLogStore } from './PodLogStore';
import { presentObject } from './presentObject';
import { ResourceStore, StoredObject } from './ResourceStore';
import { ResourceType } from './resourceTypes';
import { resolveResourcePath } from './resolveResourcePath';
import { serveList } from './serveList';
import { servePodLogs } from './servePodLogs';
import {
  KubernetesStatusError,
  methodNotAllowedError,
  objectNotFoundError,
  unknownResourceError,
} from './status';
import { WatchStreams } from './WatchStreams';

/** What the router reads and writes. */
export interface KubernetesApiRouterOptions {
  store: ResourceStore;
  logs: PodLogStore;
  watches: WatchStreams;
  /** `host:port` that discovery tells clients to use. */
  serverAddress: string;
}

/**
 * Routes an authenticated request of the Kubernetes API: discovery
 * documents, collections (list, watch, create), objects (get, update,
 * patch, delete), the status subresource and pod logs. Failures are thrown
 * for the server to answer as `Status` objects.
 */
export class KubernetesApiRouter {
  constructor(private readonly options: KubernetesApiRouterOptions) {}

  async route(
    method: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const segments = url.pathname.split('/').filter(Boolean);
    const query = url.searchParams;
    if (method === 'GET') {
      const document = discoveryDocument(segments, this.options.serverAddress);
      if (document) {
        sendJson(res, 200, document);
        return;
      }
    }
    const target = resolveResourcePath(segments);
    if (!target) throw unknownResourceError();
    const { type, namespace, name, subresource } = target;

    if (subresource === 'log') {
      if (method !== 'GET') throw methodNotAllowedError(method);
      const { store, logs } = this.options;
      servePodLogs(store, logs, namespace!, name!, query, req, res);
      return;
    }
    if (subresource && !(subresource === 'status' && type.hasStatus)) {
      throw unknownResourceError();
    }
    if (name) {
      await this.serveObject(
        method,
        type,
        namespace,
        name,
        subresource,
        req,
        res,
      );
    } else {
      await this.serveCollection(method, type, namespace, query, req, res);
    }
  }

  private async serveCollection(
    method: string,
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    if (method === 'GET') {
      if (query.get('watch') === 'true' || query.get('watch') === '1') {
        this.options.watches.serve(type, namespace, query, req, res);
      } else {
        serveList(this.options.store, type, namespace, query, res);
      }
      return;
    }
    if (method === 'POST' && (namespace || !type.namespaced)) {
      const body = await readJsonBody(req);
      if (type.namespaced) {
        checkNamespace(body, namespace!);
        body.metadata = { ...body.metadata, namespace };
      }
      const created = this.writeOrInvalid(type, body, 'create');
      sendJson(res, 201, presentObject(type, created));
      return;
    }
    throw methodNotAllowedError(method);
  }

  private async serveObject(
    method: string,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    subresource: string | undefined,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const { store, logs } = this.options;
    const current = store.get(type, namespace, name);
    const mode = subresource === 'status' ? 'status' : 'update';
    switch (method) {
      case 'GET':
        if (!current) throw objectNotFoundError(type, name);
        sendJson(res, 200, presentObject(type, current));
        return;
      case 'PUT': {
        const body = await readJsonBody(req);
        if (body?.metadata?.name !== name) {
          throw new KubernetesStatusError(
            400,
            `the name of the object (${body?.metadata?.name}) does not match the name on the URL (${name})`,
          );
        }
        if (type.namespaced) {
          checkNamespace(body, namespace!);
          body.metadata.namespace = namespace;
        }
        const updated = this.writeOrInvalid(type, body, mode);
        sendJson(res, 200, presentObject(type, updated));
        return;
      }
      case 'PATCH': {
        if (!current) throw objectNotFoundError(type, name);
        const patch = await readJsonBody(req);
        const patched = applyPatch(current, patch, req.headers['content-type']);
        const updated = this.writeOrInvalid(type, patched, mode);
        sendJson(res, 200, presentObject(type, updated));
        return;
      }
      case 'DELETE': {
        if (!current) throw objectNotFoundError(type, name);
        const deleted = store.delete(type, namespace, name);
        if (type.group === '' && type.plural === 'pods') {
          logs.deletePod(namespace!, name);
        }
        sendJson(res, 200, presentObject(type, deleted));
        return;
      }
      default:
        throw methodNotAllowedError(method);
    }
  }

  /**
   * Writes an object from a request. An invalid object (schema, name) is the
   * API server's 422 Invalid naming the object, not the generic 400 that
   * other bad input gets.
   */
  private writeOrInvalid(
    type: ResourceType,
    body: any,
    mode: 'create' | 'update' | 'status',
  ): StoredObject {
    try {
      return this.options.store.write(type, body, mode);
    } catch (error) {
      if (error instanceof InputError) {
        throw new KubernetesStatusError(422, error.message, 'Invalid', {
          name: body?.metadata?.name,
          group: type.group,
          kind: type.kind,
        });
      }
      throw error;
    }
  }
}

function checkNamespace(body: any, namespace: string) {
  const given = body?.metadata?.namespace;
  if (given && given !== namespace) {
    throw new KubernetesStatusError(
      400,
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
}
