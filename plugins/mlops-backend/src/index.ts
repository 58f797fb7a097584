/**
 * Backend plugin of the Sovereign ML plugin set: lineage and impact
 * analysis computed on the catalog, live Kubeflow TrainJob status, logs and
 * guarded actions, and the sovereignty compliance report.
 *
 * @packageDocumentation
 */

export { mlopsPlugin as default } from './plugin';
export {
  mlopsPermissions,
  mlopsTrainJobManagePermission,
} from '@sovereign-ai/backstage-plugin-mlops-common';
export { ClusterRequestError, TooManyRequestsError } from './lib/errors';
