import { StoredObject } from './ResourceStore';
import { ResourceType, groupVersionOf } from './resourceTypes';

/**
 * An object as served at its type's URL. Several versions can share a store
 * (autoscaling v1 and v2), so the stored apiVersion may be another one.
 */
export function presentObject(
  type: ResourceType,
  object: StoredObject,
): object {
  const apiVersion = groupVersionOf(type);
  return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
}

/**
 * An item of a list answer. Lists of built-in kinds carry apiVersion/kind
 * on the list only; custom resources (Trainer, JobSet) keep them per item.
 */
export function presentListItem(
  type: ResourceType,
  object: StoredObject,
): object {
  if (type.trainerKind || type.group === 'jobset.x-k8s.io') {
    return presentObject(type, object);
  }
  const { apiVersion, kind, ...rest } = object;
  return rest;
}
