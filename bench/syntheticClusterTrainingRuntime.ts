import type { KubernetesObject } from '@kubernetes/client-node';

/** A minimal torch ClusterTrainingRuntime that the Trainer CRD accepts. */
export function syntheticClusterTrainingRuntime(
  name: string,
  image: string,
): KubernetesObject {
  return {
    apiVersion: 'trainer.kubeflow.org/v1alpha1',
    kind: 'ClusterTrainingRuntime',
    metadata: {
      name,
      labels: { 'trainer.kubeflow.org/framework': 'torch' },
    },
    spec: {
      mlPolicy: { numNodes: 1, torch: {} },
      template: {
        spec: {
          replicatedJobs: [
            {
              name: 'node',
              template: {
                metadata: {
                  labels: {
                    'trainer.kubeflow.org/trainjob-ancestor-step': 'trainer',
                  },
                },
                spec: {
                  template: {
                    spec: { containers: [{ name: 'node', image }] },
                  },
                },
              },
            },
          ],
        },
      },
    },
  } as KubernetesObject;
}
