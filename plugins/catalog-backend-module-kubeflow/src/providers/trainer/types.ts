import type { KubernetesObject } from '@kubernetes/client-node';

/** A ClusterTrainingRuntime or TrainingRuntime as read from the API server. */
export interface TrainingRuntime extends KubernetesObject {
  spec?: {
    mlPolicy?: { numNodes?: number; [policy: string]: unknown };
    podGroupPolicy?: Record<string, unknown>;
    template?: {
      spec?: {
        replicatedJobs?: Array<{
          name?: string;
          template?: {
            metadata?: { labels?: Record<string, string> };
            spec?: {
              template?: {
                spec?: {
                  containers?: Array<{ name?: string; image?: string }>;
                  initContainers?: Array<{ name?: string; image?: string }>;
                };
              };
            };
          };
        }>;
      };
    };
  };
}
