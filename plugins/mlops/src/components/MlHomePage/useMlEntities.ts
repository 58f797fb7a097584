import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { MLOPS_KINDS } from '@sovereign-ai/backstage-plugin-mlops-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** The fields the ML home needs: not whole entities (features, versions). */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'spec.type',
  'spec.owner',
  'spec.system',
  'spec.phase',
  'spec.created',
  'spec.cluster',
  'relations',
];

/** Every FeatureView, FeatureService, Model and TrainingJob, in one request. */
export function useMlEntities() {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async (): Promise<Entity[]> => {
    const { items } = await catalogApi.getEntities({
      filter: MLOPS_KINDS.map(kind => ({ kind })),
      fields: FIELDS,
    });
    return items;
  }, [catalogApi]);
}
