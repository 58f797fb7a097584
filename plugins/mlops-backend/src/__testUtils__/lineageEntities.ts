import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { MLOPS_RELATION_PAIRS } from '@sovereign-ai/backstage-plugin-mlops-common';

const REVERSE = new Map(MLOPS_RELATION_PAIRS.map(([f, r]) => [f, r]));

/**
 * Builds entities with relations in both directions, as the catalog
 * stitches them, from `[from, relation, to]` triples of forward relations.
 * `specs` gives kind-specific fields (owner, type, phase) by ref.
 */
export function entitiesWithRelations(
  refs: string[],
  links: Array<[string, string, string]>,
  specs: Record<string, JsonObject> = {},
): Entity[] {
  return refs.map(ref => {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const relations = links.flatMap(([from, type, to]) => [
      ...(from === ref ? [{ type, targetRef: to }] : []),
      ...(to === ref ? [{ type: REVERSE.get(type)!, targetRef: from }] : []),
    ]);
    const owner = specs[ref]?.owner as string | undefined;
    if (owner) {
      // The catalog stitches the owner as a full ref.
      relations.push({
        type: 'ownedBy',
        targetRef: owner.includes(':') ? owner : `group:${namespace}/${owner}`,
      });
    }
    return {
      apiVersion: kind.match(/^(featureview|featureservice|trainingjob|model)$/)
        ? 'sovereign-ai.io/v1alpha1'
        : 'backstage.io/v1alpha1',
      kind: {
        resource: 'Resource',
        featureview: 'FeatureView',
        featureservice: 'FeatureService',
        trainingjob: 'TrainingJob',
        model: 'Model',
        component: 'Component',
      }[kind]!,
      metadata: { namespace, name, title: name.toUpperCase() },
      spec: { ...specs[ref] },
      relations,
    };
  });
}
