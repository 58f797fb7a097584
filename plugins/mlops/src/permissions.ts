import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Suspend, resume or delete the TrainJob behind a TrainingJob entity: a
 * resource permission on the catalog entity.
 *
 * @remarks
 * The same permission as the mlops backend's (`mlops.trainjob.manage`); it
 * is declared here because a frontend package may not import a backend
 * package. The backend enforces it; the UI only uses it to hide actions the
 * user may not take.
 *
 * @public
 */
export const mlopsTrainJobManagePermission = createPermission({
  name: 'mlops.trainjob.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});
