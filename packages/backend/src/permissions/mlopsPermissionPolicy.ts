import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { mlopsTrainJobManagePermission } from '@sovereign-ai/backstage-plugin-mlops-backend';

/**
 * The portal's permission policy: everything is allowed, as with the
 * allow-all policy it replaces, except suspending, resuming and deleting
 * TrainJobs (`mlops.trainjob.manage`), which only the owners of the
 * TrainingJob entity may do. The condition is evaluated by the catalog on
 * the entity, so ownership through one of the user's groups counts.
 */
export class MlopsPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, mlopsTrainJobManagePermission)) {
      // A caller without a user (a service) owns nothing: never allowed.
      const claims = user
        ? (await this.userInfo.getUserInfo(user.credentials))
            .ownershipEntityRefs
        : [];
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
