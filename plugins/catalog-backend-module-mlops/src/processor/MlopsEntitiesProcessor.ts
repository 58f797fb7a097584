import {
  getCompoundEntityRef,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  processingResult,
  type CatalogProcessor,
  type CatalogProcessorEmit,
  type LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  featureServiceEntityV1alpha1Validator,
  featureViewEntityV1alpha1Validator,
  modelEntityV1alpha1Validator,
  trainingJobEntityV1alpha1Validator,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { readRelationRefs, type RelationRef } from './readRelationRefs';

const nameValidator = makeValidator();

/**
 * Validates the FeatureView, FeatureService, TrainingJob and Model kinds and
 * emits the relations their spec fields stand for, in both directions:
 * `readsFrom`/`readBy`, `consumesFeatures`/`featuresConsumedBy`,
 * `producedBy`/`produces`, `dependsOn`/`dependencyOf`, `ownedBy`/`ownerOf`
 * and `partOf`/`hasPart`.
 *
 * @remarks
 *
 * An entity that breaks its JSON schema, or that holds a malformed entity
 * reference or a reference to a kind the field does not allow, fails
 * validation with an error naming the field and the rule, so the catalog keeps
 * its last good version and shows the error on the entity. A well-formed
 * reference to an entity that does not exist is emitted as is: the catalog
 * keeps it as a dangling relation until the target appears.
 *
 * @public
 */
export class MlopsEntitiesProcessor implements CatalogProcessor {
  private readonly validators = [
    featureViewEntityV1alpha1Validator,
    featureServiceEntityV1alpha1Validator,
    trainingJobEntityV1alpha1Validator,
    modelEntityV1alpha1Validator,
  ];

  /** {@inheritdoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'MlopsEntitiesProcessor';
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#CatalogProcessor.validateEntityKind} */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    for (const validator of this.validators) {
      if (await validator.check(entity)) {
        const selfNamespace = getCompoundEntityRef(entity).namespace;
        for (const relationRef of readRelationRefs(entity)) {
          resolveTarget(relationRef, selfNamespace);
        }
        return true;
      }
    }
    return false;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#CatalogProcessor.postProcessEntity} */
  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const relationRefs = readRelationRefs(entity);
    if (relationRefs.length === 0) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    // Several versions of a model often name the same job or feature service;
    // emit each relation once.
    const emitted = new Set<string>();
    for (const relationRef of relationRefs) {
      const target = resolveTarget(relationRef, self.namespace);
      const key = `${relationRef.type} ${stringifyEntityRef(target)}`;
      if (emitted.has(key)) {
        continue;
      }
      emitted.add(key);
      emit(
        processingResult.relation({
          source: self,
          type: relationRef.type,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: relationRef.reverse,
          target: self,
        }),
      );
    }
    return entity;
  }
}

/**
 * Parses a spec ref with the field's default kind and the entity's own
 * namespace, and checks that it is a valid ref to a kind the field allows.
 */
function resolveTarget(
  relationRef: RelationRef,
  selfNamespace: string,
): CompoundEntityRef {
  const { field, ref, defaultKind, allowedKinds } = relationRef;
  let target: CompoundEntityRef;
  try {
    target = parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: selfNamespace,
    });
  } catch {
    target = { kind: '', namespace: '', name: '' };
  }
  if (
    !nameValidator.isValidKind(target.kind) ||
    !nameValidator.isValidNamespace(target.namespace) ||
    !nameValidator.isValidEntityName(target.name)
  ) {
    throw new InputError(
      `${field} must be an entity reference of the form [<kind>:][<namespace>/]<name> with a valid kind, namespace and name, got "${ref}"`,
    );
  }
  const kind = target.kind.toLocaleLowerCase('en-US');
  if (!allowedKinds.some(k => k.toLocaleLowerCase('en-US') === kind)) {
    throw new InputError(
      `${field} must refer to ${allowedKinds.join(
        ' or ',
      )} entities, got kind "${target.kind}" in "${ref}"`,
    );
  }
  return {
    kind: target.kind,
    namespace: target.namespace,
    name: target.name,
  };
}
