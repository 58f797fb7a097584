/**
 * A simulated Kubeflow cluster (Kubernetes API server with Kubeflow Trainer)
 * and Kubeflow Model Registry on loopback, for tests and the demo.
 *
 * @packageDocumentation
 */

export { FakeKubernetesApiServer } from './kubernetes/FakeKubernetesApiServer';
export type {
  FakeKubernetesApiServerOptions,
  KubernetesFault,
  KubernetesObjectRef,
} from './kubernetes/FakeKubernetesApiServer';
export type { TrainerVersion } from './kubernetes/CrdSchemaValidator';
export { FakeModelRegistryServer } from './modelRegistry/FakeModelRegistryServer';
export type {
  FakeModelRegistryServerOptions,
  ModelRegistryFault,
} from './modelRegistry/FakeModelRegistryServer';
export type {
  ModelArtifactInput,
  ModelVersionInput,
  RegisteredModelInput,
} from './modelRegistry/ModelRegistryStore';
export { seedDemoStory } from './demo/seedDemoStory';
export type { SeedDemoStoryOptions } from './demo/seedDemoStory';
export { startDemoCluster } from './demo/startDemoCluster';
export type { DemoCluster } from './demo/startDemoCluster';
export * from './demoStory';
