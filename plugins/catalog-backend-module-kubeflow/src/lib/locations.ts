import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';

/**
 * The managed-by annotations of every entity a provider emits. The provider
 * name (`kubeflow-trainer-provider:<id>`) is already a `type:target` location
 * ref; it names the provider, not the API server URL, so no internal address
 * reaches the catalog.
 */
export function providerLocationAnnotations(
  providerName: string,
): Record<string, string> {
  return {
    [ANNOTATION_LOCATION]: providerName,
    [ANNOTATION_ORIGIN_LOCATION]: providerName,
  };
}
