import { CatalogClient } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * A CatalogService talking HTTP to a catalog at `baseUrl` with a fixed
 * token, counting every HTTP request it makes: the catalog round trips of
 * whatever uses it. Only the read methods the mlops services use are there.
 */
export function countingCatalogService(baseUrl: string, authorization: string) {
  let requests = 0;
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: (input: any, init?: any) => {
        requests++;
        const headers = new Headers(init?.headers);
        headers.set('Authorization', authorization);
        return fetch(input, { ...init, headers });
      },
    },
  });
  const service = {
    getEntitiesByRefs: (request: any) => client.getEntitiesByRefs(request),
    getEntityByRef: (ref: any) => client.getEntityByRef(ref),
    streamEntities: (request: any) => client.streamEntities(request),
  } as unknown as CatalogService;
  return {
    service,
    requests: () => requests,
    reset: () => {
      requests = 0;
    },
  };
}
