/**
 * Node.js helpers shared by the Sovereign ML backend packages: reading the
 * Kubeflow cluster list, building a KubeConfig per cluster, normalising the
 * two TrainJob shapes found in the wild and deriving a TrainJob's phase and
 * progress.
 *
 * @packageDocumentation
 */

export type { KubeflowCluster } from './clusters/KubeflowCluster';
export {
  readKubeflowClusters,
  readKubernetesPluginClusters,
} from './clusters/readKubeflowClusters';
export { makeKubeConfig } from './clusters/makeKubeConfig';
export * from './trainjob/constants';
export type * from './trainjob/types';
export type { TrainJobShape, TrainJobView } from './trainjob/normalizeTrainJob';
export { normalizeTrainJob } from './trainjob/normalizeTrainJob';
export { deriveTrainJobPhase } from './trainjob/deriveTrainJobPhase';
export type { TrainJobProgress } from './trainjob/parseTrainJobProgress';
export { parseTrainJobProgress } from './trainjob/parseTrainJobProgress';
export { toCrdFieldPath, toStrictCrdSchema } from './crd/strictCrdSchema';
export { createCrdAjv } from './crd/createCrdAjv';
