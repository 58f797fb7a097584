import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { normalizeTrainJob } from './normalizeTrainJob';
import type { TrainJob } from './types';

function loadFixture(file: string): TrainJob[] {
  const text = readFileSync(
    join(__dirname, '../__fixtures__/kubeflow', file),
    'utf8',
  );
  return parseAllDocuments(text)
    .map(doc => doc.toJS())
    .filter(obj => obj?.kind === 'TrainJob')
    .map(obj => ({
      ...obj,
      metadata: { namespace: 'fraud-ml', ...obj.metadata },
    }));
}

/** A TrainJob in the v2.1 shape served by OpenShift AI / ODH 3.x. */
const v21TrainJob: TrainJob = {
  apiVersion: 'trainer.kubeflow.org/v1alpha1',
  kind: 'TrainJob',
  metadata: {
    name: 'fraud-detector-train-odh',
    namespace: 'fraud-ml',
    creationTimestamp: '2026-04-12T08:00:00Z',
    labels: { 'backstage.io/kubernetes-id': 'fraud-detector' },
    annotations: { 'sovereign-ai.io/model': 'fraud-detector' },
  },
  spec: {
    runtimeRef: { name: 'torch-distributed' },
    labels: {
      'backstage.io/kubernetes-id': 'overridden-by-metadata',
      team: 'fraud',
    },
    annotations: {
      'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v1',
    },
    podTemplateOverrides: [
      {
        targetJobs: [{ name: 'node' }],
        spec: { serviceAccountName: 'trainer' },
      },
    ],
    trainer: {
      image: 'registry.sovereign.internal/ml/fraud@sha256:0123',
      numNodes: 2,
      numProcPerNode: 'auto',
      resourcesPerNode: { requests: { cpu: 4, 'nvidia.com/gpu': '1' } },
    },
  },
};

describe('normalizeTrainJob', () => {
  it('reads a v2.3 TrainJob with runtimePatches', () => {
    const [job] = loadFixture('02-runtime-patches.yaml');
    const view = normalizeTrainJob(job);
    expect(view).toMatchObject({
      name: 'runtime-patches-example',
      namespace: 'fraud-ml',
      shape: 'v2.2+',
      runtimeRef: {
        name: 'torch-distributed',
        kind: 'ClusterTrainingRuntime',
        apiGroup: 'trainer.kubeflow.org',
      },
      trainer: {
        numNodes: 2,
        resourcesPerNode: {
          requests: { cpu: '2', memory: '4Gi' },
          limits: { cpu: '4', memory: '8Gi' },
        },
      },
      initializers: {},
      suspend: false,
    });
    expect(view.trainer.command?.[0]).toBe('torchrun');
  });

  it('reads a namespaced runtime ref and a dataset initializer', () => {
    const [job] = loadFixture('05-multi-step.yaml');
    const view = normalizeTrainJob(job);
    expect(view.runtimeRef).toEqual({
      name: 'torch-with-dataset-init',
      kind: 'TrainingRuntime',
      apiGroup: 'trainer.kubeflow.org',
    });
    expect(view.initializers).toEqual({
      dataset: { storageUri: 'hf://tatsu-lab/alpaca' },
    });
    expect(view.shape).toBe('common');
  });

  it('applies the CRD defaults to a runtimeRef with only a name', () => {
    const [job] = loadFixture('flux-lammps-train-job.yaml');
    const view = normalizeTrainJob(job);
    expect(view.runtimeRef).toEqual({
      name: 'flux-distributed',
      kind: 'ClusterTrainingRuntime',
      apiGroup: 'trainer.kubeflow.org',
    });
    expect(view.trainer).toMatchObject({
      numNodes: 2,
      numProcPerNode: 4,
      image: 'ghcr.io/converged-computing/metric-lammps:latest',
    });
  });

  it('reads the suspend flag and the Kueue label', () => {
    const [job] = loadFixture('03-kueue-integration.yaml');
    const view = normalizeTrainJob(job);
    expect(view.suspend).toBe(true);
    expect(view.labels['kueue.x-k8s.io/queue-name']).toBeDefined();
  });

  it('reads the v2.1 (OpenShift AI) shape', () => {
    const view = normalizeTrainJob(v21TrainJob);
    expect(view.shape).toBe('v2.1');
    expect(view.trainer.numProcPerNode).toBe('auto');
    expect(view.trainer.resourcesPerNode).toEqual({
      requests: { cpu: '4', 'nvidia.com/gpu': '1' },
    });
    expect(view.created).toBe('2026-04-12T08:00:00Z');
    // metadata wins over spec.labels; spec-only keys are kept
    expect(view.labels).toEqual({
      'backstage.io/kubernetes-id': 'fraud-detector',
      team: 'fraud',
    });
    expect(view.annotations).toEqual({
      'sovereign-ai.io/model': 'fraud-detector',
      'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v1',
    });
  });

  it('turns a Date creationTimestamp into ISO text', () => {
    const view = normalizeTrainJob({
      ...v21TrainJob,
      metadata: {
        ...v21TrainJob.metadata,
        creationTimestamp: new Date('2026-04-12T08:00:00Z'),
      },
    });
    expect(view.created).toBe('2026-04-12T08:00:00.000Z');
  });

  it('ignores unknown fields', () => {
    const view = normalizeTrainJob({
      ...v21TrainJob,
      spec: { ...v21TrainJob.spec, someFutureField: { a: 1 } },
    });
    expect(view.name).toBe('fraud-detector-train-odh');
  });

  it('rejects a TrainJob without runtimeRef, naming it', () => {
    const { runtimeRef: _omit, ...spec } = v21TrainJob.spec!;
    expect(() => normalizeTrainJob({ ...v21TrainJob, spec })).toThrow(
      'TrainJob fraud-ml/fraud-detector-train-odh: spec.runtimeRef.name is missing',
    );
  });

  it('rejects a TrainJob without namespace or spec', () => {
    expect(() =>
      normalizeTrainJob({ metadata: { name: 'x' }, spec: {} }),
    ).toThrow('TrainJob <no namespace>/x: metadata.namespace is missing');
    expect(() =>
      normalizeTrainJob({ metadata: { name: 'x', namespace: 'ns' } }),
    ).toThrow('TrainJob ns/x: spec is missing');
    expect(() => normalizeTrainJob(undefined as any)).toThrow(
      /metadata.name is missing/,
    );
  });

  it('rejects fields of the wrong type', () => {
    const base = v21TrainJob.spec!;
    expect(() =>
      normalizeTrainJob({
        ...v21TrainJob,
        spec: { ...base, trainer: { numNodes: 'two' as any } },
      }),
    ).toThrow('spec.trainer.numNodes must be an integer');
    expect(() =>
      normalizeTrainJob({
        ...v21TrainJob,
        spec: { ...base, labels: { a: 1 as any } },
      }),
    ).toThrow('spec.labels.a must be a string');
    expect(() =>
      normalizeTrainJob({
        ...v21TrainJob,
        spec: {
          ...base,
          initializer: { dataset: { storageUri: 42 as any } },
        },
      }),
    ).toThrow('spec.initializer.dataset.storageUri must be a string');
  });
});
