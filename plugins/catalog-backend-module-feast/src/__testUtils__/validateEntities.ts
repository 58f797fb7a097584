import {
  DefaultNamespaceEntityPolicy,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  featureServiceEntityV1alpha1Validator,
  featureViewEntityV1alpha1Validator,
} from '@sovereign-ai/backstage-plugin-mlops-common';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const validators = [
  systemEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  featureViewEntityV1alpha1Validator,
  featureServiceEntityV1alpha1Validator,
];

/**
 * Checks every entity against the catalog's own entity policies (names,
 * labels, annotations, envelope schema) and the kind's validator; throws
 * with the entity ref and the validator's message on the first failure.
 */
export async function validateEntities(entities: Entity[]): Promise<void> {
  for (const entity of entities) {
    const where = `${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`;
    try {
      await policy.enforce(entity);
      const results = await Promise.all(validators.map(v => v.check(entity)));
      if (!results.includes(true))
        throw new Error('no kind validator accepts it');
    } catch (error) {
      throw new Error(`${where} is invalid: ${(error as Error).message}`);
    }
  }
}
