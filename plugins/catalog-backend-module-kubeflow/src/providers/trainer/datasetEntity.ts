import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_STORAGE_URI,
  RESOURCE_TYPE_DATASET,
  toEntityName,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/** Entity name of the dataset Resource for an initializer storage URI. */
export function datasetEntityName(storageUri: string): string {
  return toEntityName('dataset', storageUri);
}

/** Entity ref of the dataset Resource for an initializer storage URI. */
export function datasetRef(storageUri: string): string {
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: 'default',
    name: datasetEntityName(storageUri),
  });
}

/**
 * A `dataset` Resource for a storage URI that a TrainJob's dataset
 * initializer reads (`s3://...`, `hf://...`, `cache://...`). Its
 * jurisdiction is not known from the URI, so none is claimed.
 */
export function datasetEntity(
  storageUri: string,
  options: { owner: string; locationAnnotations: Record<string, string> },
): Entity {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(storageUri)?.[1];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: datasetEntityName(storageUri),
      title: storageUri,
      description: 'Dataset read by Kubeflow TrainJob dataset initializers',
      annotations: {
        ...options.locationAnnotations,
        [ANNOTATION_KUBEFLOW_STORAGE_URI]: storageUri,
      },
    },
    spec: {
      type: RESOURCE_TYPE_DATASET,
      owner: options.owner,
      ...(scheme ? { storageScheme: scheme.toLowerCase() } : {}),
    },
  };
}
