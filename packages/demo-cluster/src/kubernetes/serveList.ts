import { ServerResponse } from 'node:http';
import { sendJson } from './httpJson';
import { presentListItem } from './presentObject';
import { ResourceStore } from './ResourceStore';
import { ResourceType, groupVersionOf } from './resourceTypes';
import { parseQuerySelectors } from './selectors';

/**
 * Answers a list request: label and field selectors, and `limit`/`continue`
 * pagination at the resourceVersion of the first page.
 */
export function serveList(
  store: ResourceStore,
  type: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  res: ServerResponse,
) {
  const matches = parseQuerySelectors(query);
  const limit = query.get('limit');
  const page = store.list(type, {
    namespace,
    matches,
    selectsAll: !query.get('labelSelector') && !query.get('fieldSelector'),
    limit: limit ? Number(limit) : undefined,
    continueToken: query.get('continue') ?? undefined,
  });
  sendJson(res, 200, {
    kind: `${type.kind}List`,
    apiVersion: groupVersionOf(type),
    metadata: {
      resourceVersion: page.resourceVersion,
      ...(page.continueToken ? { continue: page.continueToken } : {}),
      ...(page.remainingItemCount !== undefined
        ? { remainingItemCount: page.remainingItemCount }
        : {}),
    },
    items: page.items.map(item => presentListItem(type, item)),
  });
}
