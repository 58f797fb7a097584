/**
 * Catalog entity providers for Kubeflow: Trainer TrainJobs and training
 * runtimes, and Model Registry models.
 *
 * @packageDocumentation
 */

export { catalogModuleKubeflowEntityProviders as default } from './module';
export { KubeflowTrainerEntityProvider } from './providers/trainer/KubeflowTrainerEntityProvider';
export type { KubeflowTrainerEntityProviderOptions } from './providers/trainer/KubeflowTrainerEntityProvider';
export { KubeflowModelRegistryEntityProvider } from './providers/modelRegistry/KubeflowModelRegistryEntityProvider';
export type { KubeflowModelRegistryEntityProviderOptions } from './providers/modelRegistry/KubeflowModelRegistryEntityProvider';
