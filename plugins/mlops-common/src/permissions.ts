import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Suspend, resume or delete the TrainJob behind a TrainingJob entity. A
 * resource permission on the catalog entity, so a policy can decide with
 * catalog conditions, for example only for the entity's owners
 * (`catalogConditions.isEntityOwner`).
 *
 * @public
 */
export const mlopsTrainJobManagePermission = createPermission({
  name: 'mlops.trainjob.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the mlops backend.
 *
 * @public
 */
export const mlopsPermissions = [mlopsTrainJobManagePermission];
