import type { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import { scopeToTrainJob } from './scopeToTrainJob';

const JOB = {
  cluster: 'sovereign-fr',
  namespace: 'fraud-ml',
  name: 'fraud-detector-train-0419',
};

function pod(name: string, jobSet?: string, namespace = 'fraud-ml') {
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: {
        'backstage.io/kubernetes-id': 'fraud-detector',
        ...(jobSet ? { 'jobset.sigs.k8s.io/jobset-name': jobSet } : {}),
      },
    },
  };
}

function trainJob(name: string, namespace = 'fraud-ml') {
  return { kind: 'TrainJob', metadata: { name, namespace } };
}

function response(cluster: string, pods: any[], trainJobs: any[]) {
  return {
    cluster: { name: cluster },
    errors: [],
    podMetrics: [],
    resources: [
      { type: 'pods', resources: pods },
      { type: 'customresources', resources: trainJobs },
    ],
  };
}

function names(result: ObjectsByEntityResponse) {
  return result.items.map(item => ({
    cluster: item.cluster.name,
    objects: item.resources.flatMap(r =>
      (r.resources as any[]).map(o => `${o.kind}/${o.metadata.name}`),
    ),
  }));
}

describe('scopeToTrainJob', () => {
  it('keeps the TrainJob, its pods and the objects no job claims', () => {
    const result = scopeToTrainJob(
      {
        items: [
          response(
            'sovereign-fr',
            [
              pod('0419-node-0-0', 'fraud-detector-train-0419'),
              pod('0417-node-0-0', 'fraud-detector-train-0417'),
              pod('0419-elsewhere', 'fraud-detector-train-0419', 'staging'),
              pod('feature-server'),
            ],
            [
              trainJob('fraud-detector-train-0419'),
              trainJob('fraud-detector-train-0417'),
              trainJob('fraud-detector-train-0419', 'staging'),
            ],
          ),
        ],
      } as ObjectsByEntityResponse,
      JOB,
    );
    expect(names(result)).toEqual([
      {
        cluster: 'sovereign-fr',
        objects: [
          'Pod/0419-node-0-0',
          'Pod/feature-server',
          'TrainJob/fraud-detector-train-0419',
        ],
      },
    ]);
  });

  it('drops the clusters the job does not run on', () => {
    const result = scopeToTrainJob(
      {
        items: [
          response('sovereign-de', [pod('x', 'fraud-detector-train-0419')], []),
          response('sovereign-fr', [], [trainJob('fraud-detector-train-0419')]),
        ],
      } as ObjectsByEntityResponse,
      JOB,
    );
    expect(names(result).map(r => r.cluster)).toEqual(['sovereign-fr']);
  });
});
