import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { MlopsPermissionPolicy } from './mlopsPermissionPolicy';

/**
 * Installs {@link MlopsPermissionPolicy} as the portal's permission policy
 * (in place of the allow-all policy module).
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'mlops-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new MlopsPermissionPolicy(userInfo));
      },
    });
  },
});
