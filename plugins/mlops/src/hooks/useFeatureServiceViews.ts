import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  isFeatureViewEntity,
  type FeatureServiceEntityV1alpha1,
  type FeatureViewEntityV1alpha1,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

/** A projection of a FeatureService with the FeatureView it selects from. */
export interface ResolvedProjection {
  /** Normalised entity ref of the view. */
  ref: string;
  /** The view, or undefined when it is not in the catalog (yet). */
  view?: FeatureViewEntityV1alpha1;
  /** The selected feature names; every feature of the view when empty. */
  features: string[];
  alias?: string;
}

/**
 * The FeatureViews a FeatureService selects from, read from the catalog in
 * one request.
 */
export function useFeatureServiceViews(entity: FeatureServiceEntityV1alpha1) {
  const catalogApi = useApi(catalogApiRef);
  const projections = entity.spec.features ?? [];
  const refs = projections.map(p =>
    stringifyEntityRef(
      parseEntityRef(p.featureView, {
        defaultKind: 'FeatureView',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ),
  );
  const key = refs.join('|');
  return useAsync(async (): Promise<ResolvedProjection[]> => {
    const { items } =
      refs.length > 0
        ? await catalogApi.getEntitiesByRefs({ entityRefs: refs })
        : { items: [] };
    return projections.map((p, i) => {
      const view = items[i];
      return {
        ref: refs[i],
        view: view && isFeatureViewEntity(view) ? view : undefined,
        features: p.features ?? [],
        alias: p.alias,
      };
    });
    // The refs key stands for the projections.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);
}
