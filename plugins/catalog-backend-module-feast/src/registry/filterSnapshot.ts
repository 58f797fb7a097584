import type { FeastRegistrySnapshot } from './types';

/**
 * Keeps only the objects of the given projects.
 *
 * @internal
 */
export function filterSnapshot(
  snapshot: FeastRegistrySnapshot,
  projects: ReadonlySet<string>,
): FeastRegistrySnapshot {
  const keep = <T extends { project: string }>(list: T[]) =>
    list.filter(o => projects.has(o.project));
  return {
    projects: snapshot.projects.filter(p => projects.has(p.name)),
    entities: keep(snapshot.entities),
    dataSources: keep(snapshot.dataSources),
    featureViews: keep(snapshot.featureViews),
    featureServices: keep(snapshot.featureServices),
    savedDatasets: keep(snapshot.savedDatasets),
  };
}

/**
 * Number of Feast objects (projects excluded) in a snapshot.
 *
 * @internal
 */
export function countObjects(snapshot: FeastRegistrySnapshot): number {
  return (
    snapshot.entities.length +
    snapshot.dataSources.length +
    snapshot.featureViews.length +
    snapshot.featureServices.length +
    snapshot.savedDatasets.length
  );
}
