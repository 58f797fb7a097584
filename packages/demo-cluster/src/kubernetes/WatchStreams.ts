import { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_HEADERS } from './httpJson';
import { presentObject } from './presentObject';
import { ResourceStore, StoreWatcher } from './ResourceStore';
import { ResourceType, groupVersionOf } from './resourceTypes';
import { parseQuerySelectors } from './selectors';
import { KubernetesStatusError } from './status';

interface WatchConnection {
  type: ResourceType;
  res: ServerResponse;
  allowBookmarks: boolean;
  stop(): void;
}

/** Writes one event of a watch stream (newline-delimited JSON). */
function writeEvent(res: ServerResponse, type: string, object: object) {
  res.write(`${JSON.stringify({ type, object })}\n`);
}

/**
 * The open `?watch=true` streams of the server: starts them from a
 * resourceVersion (or with the current objects), sends bookmarks, ends them
 * on timeoutSeconds, and lets tests cut them.
 */
export class WatchStreams {
  private readonly connections = new Set<WatchConnection>();

  constructor(private readonly store: ResourceStore) {}

  /** Answers a watch request with a stream of events. */
  serve(
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const matches = parseQuerySelectors(query);
    const resourceVersion = query.get('resourceVersion');
    const from = Number(resourceVersion);
    if (resourceVersion && !Number.isInteger(from)) {
      throw new KubernetesStatusError(
        400,
        `invalid resource version "${resourceVersion}"`,
      );
    }
    const allowBookmarks = query.get('allowWatchBookmarks') === 'true';
    const sendInitialEvents = query.get('sendInitialEvents') === 'true';
    res.writeHead(200, {
      ...JSON_HEADERS,
      'Cache-Control': 'no-cache, private',
    });
    res.flushHeaders();

    const watcher: StoreWatcher = {
      type,
      namespace,
      matches,
      deliver: (eventType, object) =>
        writeEvent(res, eventType, presentObject(type, object)),
    };
    let unsubscribe: () => void;
    try {
      if (sendInitialEvents || !resourceVersion || from === 0) {
        // No version (or "0"): the current state as ADDED events, then changes.
        for (const object of this.store.snapshot(watcher)) {
          watcher.deliver('ADDED', object);
        }
        if (sendInitialEvents && allowBookmarks) {
          writeEvent(res, 'BOOKMARK', {
            kind: type.kind,
            apiVersion: groupVersionOf(type),
            metadata: {
              resourceVersion: String(this.store.currentRevision),
              annotations: { 'k8s.io/initial-events-end': 'true' },
            },
          });
        }
        unsubscribe = this.store.watch(watcher, this.store.currentRevision);
      } else {
        unsubscribe = this.store.watch(watcher, from);
      }
    } catch (error) {
      if (error instanceof KubernetesStatusError) {
        // The API server reports an expired version inside the stream.
        writeEvent(res, 'ERROR', error.status);
        res.end();
        return;
      }
      throw error;
    }

    let timeout: NodeJS.Timeout | undefined;
    const connection: WatchConnection = {
      type,
      res,
      allowBookmarks,
      stop: () => {
        unsubscribe();
        clearTimeout(timeout);
        this.connections.delete(connection);
      },
    };
    this.connections.add(connection);
    const timeoutSeconds = Number(query.get('timeoutSeconds'));
    if (timeoutSeconds > 0) {
      timeout = setTimeout(() => {
        connection.stop();
        res.end();
      }, timeoutSeconds * 1000);
      timeout.unref();
    }
    req.on('close', () => connection.stop());
    res.on('close', () => connection.stop());
  }

  /** Sends a BOOKMARK on every stream that allows bookmarks. */
  sendBookmarks(): void {
    for (const connection of this.connections) {
      if (!connection.allowBookmarks) continue;
      writeEvent(connection.res, 'BOOKMARK', {
        kind: connection.type.kind,
        apiVersion: groupVersionOf(connection.type),
        metadata: { resourceVersion: String(this.store.currentRevision) },
      });
    }
  }

  /** Cuts every stream mid-flight, as a dropped connection would. */
  drop(): void {
    for (const connection of [...this.connections]) {
      connection.stop();
      connection.res.socket?.destroy();
    }
  }

  /** Ends every stream cleanly, as on server shutdown. */
  close(): void {
    for (const connection of [...this.connections]) {
      connection.stop();
      connection.res.end();
    }
  }
}
