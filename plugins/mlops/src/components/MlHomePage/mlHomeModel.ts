import {
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';

/** One row of the ML home: an ML entity with what the page filters on. */
export interface MlRow {
  id: string;
  ref: string;
  kind: string;
  name: string;
  title: string;
  description: string;
  type?: string;
  owner?: string;
  system?: string;
  phase?: string;
  created?: string;
  tags: string[];
}

function relationTarget(entity: Entity, type: string): string | undefined {
  return entity.relations?.find(r => r.type === type)?.targetRef;
}

/** A full entity ref, or the value as given when it does not parse. */
function fullRef(
  value: string | undefined,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (!value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return value;
  }
}

/** Reads a row from an entity, preferring resolved relations to spec fields. */
export function toMlRow(entity: Entity): MlRow {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const ref = stringifyEntityRef(entity);
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    id: ref,
    ref,
    kind: entity.kind,
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description ?? '',
    type: str(spec.type),
    owner:
      relationTarget(entity, RELATION_OWNED_BY) ??
      fullRef(str(spec.owner), 'group', namespace),
    system:
      relationTarget(entity, RELATION_PART_OF) ??
      fullRef(str(spec.system), 'system', namespace),
    phase: str(spec.phase),
    created: str(spec.created),
    tags: entity.metadata.tags ?? [],
  };
}

/** What the user filters the rows by. */
export interface MlFilters {
  text: string;
  kinds: string[];
  owner?: string;
  system?: string;
}

/** The rows matching every filter; text matches name, title, description, tags. */
export function filterMlRows(rows: MlRow[], filters: MlFilters): MlRow[] {
  const text = filters.text.trim().toLocaleLowerCase('en-US');
  return rows.filter(
    r =>
      (filters.kinds.length === 0 || filters.kinds.includes(r.kind)) &&
      (!filters.owner || r.owner === filters.owner) &&
      (!filters.system || r.system === filters.system) &&
      (!text ||
        [r.name, r.title, r.description, r.type ?? '', ...r.tags].some(v =>
          v.toLocaleLowerCase('en-US').includes(text),
        )),
  );
}

/** Counts of rows per kind for each value of a key (owner or system). */
export function countBy(
  rows: MlRow[],
  key: 'owner' | 'system',
): Array<{
  id: string;
  value: string;
  total: number;
  byKind: Record<string, number>;
}> {
  const counts = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const value = row[key] ?? 'none';
    const byKind = counts.get(value) ?? {};
    byKind[row.kind] = (byKind[row.kind] ?? 0) + 1;
    counts.set(value, byKind);
  }
  return [...counts]
    .map(([value, byKind]) => ({
      id: value,
      value,
      byKind,
      total: Object.values(byKind).reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.total - a.total || a.value.localeCompare(b.value));
}

/** The most recent training jobs, newest first. */
export function recentJobs(rows: MlRow[], limit = 8): MlRow[] {
  return rows
    .filter(r => r.kind === 'TrainingJob')
    .sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))
    .slice(0, limit);
}
