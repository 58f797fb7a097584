import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { KubernetesObject } from '@kubernetes/client-node';
import { loadAll } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_FEAST_PROJECT,
  DEMO_IMAGE_DIGESTS,
  DEMO_INTERNAL_REGISTRY,
  DEMO_JURISDICTION,
  DEMO_NAMESPACE,
  DemoTrainJob,
} from '../demoStory';

/** apiVersion of every Kubeflow Trainer object. */
export const TRAINER_API_VERSION = 'trainer.kubeflow.org/v1alpha1';

/** The label the Backstage Kubernetes plugin finds objects by. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

const RUNTIME_FILES = {
  'torch-distributed': 'torch_distributed.yaml',
  'deepspeed-distributed': 'deepspeed_distributed.yaml',
};

/** Upstream image → the mirror on the sovereign registry, pinned by digest. */
const MIRRORED_IMAGES: Record<string, string> = {
  'pytorch/pytorch:2.13.0-cuda13.0-cudnn9-runtime': `${DEMO_INTERNAL_REGISTRY}/pytorch/pytorch:2.13.0-cuda13.0-cudnn9-runtime@${DEMO_IMAGE_DIGESTS.pytorch}`,
  'ghcr.io/kubeflow/trainer/deepspeed-runtime': `${DEMO_INTERNAL_REGISTRY}/kubeflow/trainer/deepspeed-runtime:v2.3.0@${DEMO_IMAGE_DIGESTS.deepspeed}`,
};

function mirrorImages(node: any): void {
  if (Array.isArray(node)) {
    node.forEach(mirrorImages);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'image' && typeof value === 'string') {
        if (!MIRRORED_IMAGES[value]) {
          throw new Error(`no internal mirror configured for image ${value}`);
        }
        node[key] = MIRRORED_IMAGES[value];
      } else {
        mirrorImages(value);
      }
    }
  }
}

/**
 * An upstream ClusterTrainingRuntime (kubeflow/trainer v2.3.0 manifests) as
 * installed on the air-gapped cluster: images mirrored to the internal
 * registry by digest, the label the runtimes overlay adds, and the
 * sovereignty annotations.
 */
export function demoClusterTrainingRuntime(
  name: keyof typeof RUNTIME_FILES,
): KubernetesObject {
  const file = resolvePackagePath(
    '@sovereign-ai/demo-cluster',
    join('runtimes', RUNTIME_FILES[name]),
  );
  const runtime = loadAll(readFileSync(file, 'utf8')).find(Boolean) as any;
  mirrorImages(runtime.spec);
  runtime.metadata.labels = {
    ...runtime.metadata.labels,
    'trainer.kubeflow.org/webhook-validation': 'disabled',
  };
  runtime.metadata.annotations = {
    'sovereign-ai.io/jurisdiction': DEMO_JURISDICTION,
    'sovereign-ai.io/data-classification': 'internal',
  };
  return runtime;
}

function isoDaysAgo(now: Date, days: number, plusMinutes = 0) {
  return new Date(now.getTime() - days * 86_400_000 + plusMinutes * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

/** When a demo job was created, relative to the start of the demo. */
export function createdAt(job: DemoTrainJob, now: Date): string {
  // The running job started a few minutes ago, in proportion to its progress.
  return job.phase === 'Running'
    ? isoDaysAgo(now, 0, -Math.round(job.progressPercentage / 10) - 2)
    : isoDaysAgo(now, job.createdDaysAgo);
}

/** Minutes after creation that a finished demo job finished. */
export function finishedAt(job: DemoTrainJob, now: Date): string {
  const minutes = job.phase === 'Failed' ? 41 : 312;
  return isoDaysAgo(now, job.createdDaysAgo, minutes);
}

/**
 * A TrainJob of the story in the v2.3 shape, carrying the join keys of
 * DESIGN section 3 (kubernetes-id label, Feast feature service and model
 * annotations) and a runtime patch that puts the kubernetes-id label on the
 * pods, so the Backstage Kubernetes plugin finds them too.
 */
export function demoTrainJob(job: DemoTrainJob, now: Date): KubernetesObject {
  const annotations: Record<string, string> = {
    'feast.dev/feature-service': `${DEMO_FEAST_PROJECT}/${job.featureService}`,
    'sovereign-ai.io/model': job.model,
    'sovereign-ai.io/jurisdiction': DEMO_JURISDICTION,
    'sovereign-ai.io/data-classification': 'restricted',
    'kubernetes.io/description': job.description,
  };
  if (job.odhProgressAnnotation) {
    annotations['trainer.opendatahub.io/progression-tracking'] = 'true';
  }
  return {
    apiVersion: TRAINER_API_VERSION,
    kind: 'TrainJob',
    metadata: {
      name: job.name,
      namespace: DEMO_NAMESPACE,
      creationTimestamp: createdAt(job, now) as any,
      labels: { [KUBERNETES_ID_LABEL]: job.model },
      annotations,
    },
    spec: {
      runtimeRef: {
        apiGroup: 'trainer.kubeflow.org',
        kind: 'ClusterTrainingRuntime',
        name: job.runtime,
      },
      initializer: {
        dataset: { storageUri: 's3://fraud-data-fr/transactions/' },
      },
      trainer: {
        image: job.image,
        command: ['torchrun', '/workspace/train.py'],
        args: [
          `--feature-service=${DEMO_FEAST_PROJECT}/${job.featureService}`,
          '--epochs=10',
          `--output=s3://models-fr/${job.model}/`,
        ],
        numNodes: job.numNodes,
        env: [
          { name: 'FEAST_PROJECT', value: DEMO_FEAST_PROJECT },
          { name: 'FEAST_FEATURE_SERVICE', value: job.featureService },
        ],
        resourcesPerNode: {
          requests: { cpu: '8', memory: '48Gi', 'nvidia.com/gpu': '1' },
          limits: { cpu: '8', memory: '48Gi', 'nvidia.com/gpu': '1' },
        },
      },
      runtimePatches: [
        {
          manager: 'sovereign-ai.io/backstage',
          trainingRuntimeSpec: {
            template: {
              spec: {
                replicatedJobs: replicatedJobsOf(job).map(name => ({
                  name,
                  template: {
                    spec: {
                      template: {
                        metadata: {
                          labels: { [KUBERNETES_ID_LABEL]: job.model },
                        },
                      },
                    },
                  },
                })),
              },
            },
          },
        },
      ],
    },
  } as KubernetesObject;
}

/** Names of the replicated jobs (and so of the pods) a runtime creates. */
export function replicatedJobsOf(job: DemoTrainJob): string[] {
  return job.runtime === 'deepspeed-distributed'
    ? ['launcher', 'node']
    : ['node'];
}

/** The `jobsStatus` entries of a job in a phase. */
export function jobsStatusOf(job: DemoTrainJob, phase: DemoTrainJob['phase']) {
  return replicatedJobsOf(job).map(name => ({
    name,
    ready: phase === 'Running' ? 1 : 0,
    succeeded: phase === 'Succeeded' ? 1 : 0,
    failed: phase === 'Failed' && name === 'node' ? 1 : 0,
    active: phase === 'Running' ? 1 : 0,
    suspended: 0,
  }));
}

/** Terminal conditions, as the controller copies them from the JobSet. */
export function conditionsOf(phase: DemoTrainJob['phase'], at: string) {
  if (phase === 'Succeeded') {
    return [
      {
        type: 'Complete',
        status: 'True',
        reason: 'AllJobsCompleted',
        message: 'jobset completed successfully',
        lastTransitionTime: at,
      },
    ];
  }
  if (phase === 'Failed') {
    return [
      {
        type: 'Failed',
        status: 'True',
        reason: 'FailedJobs',
        message: 'jobset failed due to one or more job failures',
        lastTransitionTime: at,
      },
    ];
  }
  return [];
}
