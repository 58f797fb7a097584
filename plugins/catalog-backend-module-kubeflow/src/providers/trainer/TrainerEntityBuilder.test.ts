import { mockServices } from '@backstage/backend-test-utils';
import type { KubernetesObject } from '@kubernetes/client-node';
import { demoTrainJob } from '../../__testUtils__/trainJobs';
import type { ClusterSync } from './ClusterSync';
import { TrainerEntityBuilder } from './TrainerEntityBuilder';

/** The part of a ClusterSync the builder reads. */
function syncOf(trainJobs: KubernetesObject[]): ClusterSync {
  return {
    cluster: { name: 'sovereign-fr', url: 'https://k8s', skipTLSVerify: false },
    runtimes: () => [],
    trainJobs: () => trainJobs,
  } as unknown as ClusterSync;
}

function builder() {
  const logger = mockServices.logger.mock();
  return {
    logger,
    builder: new TrainerEntityBuilder({
      owner: 'group:default/fraud-ml',
      runtimeOwner: 'group:default/ml-platform',
      feastNamespace: 'default',
      retention: {},
      locationAnnotations: {},
      logger,
    }),
  };
}

describe('TrainerEntityBuilder', () => {
  // Namespace "fraud" + job "ml-train-1" and namespace "fraud-ml" + job
  // "train-1" both join to sovereign-fr-fraud-ml-train-1.
  const colliding = [
    demoTrainJob({ name: 'ml-train-1', namespace: 'fraud' }),
    demoTrainJob({ name: 'train-1', namespace: 'fraud-ml' }),
  ];
  const REF = 'trainingjob:default/sovereign-fr-fraud-ml-train-1';

  it('keeps the first of two TrainJobs whose entity names collide, and says so once', () => {
    const { builder: b, logger } = builder();
    const build = b.build([syncOf(colliding)], new Set());
    expect(
      [...build.entities.keys()].filter(r => r.startsWith('trainingjob:')),
    ).toEqual([REF]);
    expect(
      build.entities.get(REF)!.entity.metadata.annotations![
        'kubeflow.org/namespace'
      ],
    ).toBe('fraud');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `TrainJob fraud-ml/train-1 on cluster sovereign-fr and TrainJob fraud/ml-train-1 on cluster sovereign-fr both map to the entity ${REF}; only TrainJob fraud/ml-train-1 on cluster sovereign-fr is in the catalog. Rename one of them: entity names join cluster, namespace and name with "-".`,
    );

    // Every rebuild (one per watch event) keeps quiet about a known collision.
    b.build([syncOf(colliding)], new Set());
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('emits one entity per TrainJob when names do not collide', () => {
    const { builder: b, logger } = builder();
    const build = b.build(
      [
        syncOf([
          colliding[0],
          demoTrainJob({ name: 'train-2', namespace: 'fraud-ml' }),
        ]),
      ],
      new Set(),
    );
    expect(
      [...build.entities.keys()]
        .filter(r => r.startsWith('trainingjob:'))
        .sort(),
    ).toEqual([
      'trainingjob:default/sovereign-fr-fraud-ml-train-1',
      'trainingjob:default/sovereign-fr-fraud-ml-train-2',
    ]);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
