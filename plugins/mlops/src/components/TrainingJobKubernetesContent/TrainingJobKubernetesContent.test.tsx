import { screen, waitFor } from '@testing-library/react';
import {
  kubernetesApiRef,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { mlopsApiRef } from '../../api/MlopsApi';
import { mockMlopsApi } from '../../__testUtils__/renderEntityCard';
import {
  failedJob,
  failedStatus,
  runningJob,
  runningStatus,
} from '../../__testUtils__/fixtures';
import { TrainingJobKubernetesContent } from './TrainingJobKubernetesContent';

function pod(job: string, restartCount: number) {
  return {
    kind: 'Pod',
    metadata: {
      name: `${job}-node-0-0-abcde`,
      namespace: 'fraud-ml',
      uid: `${job}-uid`,
      labels: {
        'backstage.io/kubernetes-id': 'fraud-detector',
        'jobset.sigs.k8s.io/jobset-name': job,
      },
    },
    spec: { containers: [{ name: 'node', image: 'registry/trainer' }] },
    status: {
      phase: restartCount > 0 ? 'Failed' : 'Running',
      containerStatuses: [
        {
          name: 'node',
          ready: restartCount === 0,
          restartCount,
          state:
            restartCount > 0
              ? { terminated: { reason: 'OOMKilled', exitCode: 137 } }
              : { running: { startedAt: '2026-11-27T10:00:00Z' } },
        },
      ],
    },
  };
}

function trainJob(name: string) {
  return {
    apiVersion: 'trainer.kubeflow.org/v1alpha1',
    kind: 'TrainJob',
    metadata: { name, namespace: 'fraud-ml' },
  };
}

// What the Kubernetes backend answers for any job of the model: the objects
// of every job labelled backstage.io/kubernetes-id: fraud-detector.
const kubernetesApi = {
  getClusters: jest.fn(async () => [
    { name: 'sovereign-fr', authProvider: 'serviceAccount' },
  ]),
  getObjectsByEntity: jest.fn(async () => ({
    items: [
      {
        cluster: { name: 'sovereign-fr' },
        errors: [],
        podMetrics: [],
        resources: [
          {
            type: 'pods',
            resources: [
              pod('fraud-detector-train-0419', 0),
              pod('fraud-detector-train-0417', 4),
            ],
          },
          {
            type: 'customresources',
            resources: [
              trainJob('fraud-detector-train-0419'),
              trainJob('fraud-detector-train-0417'),
            ],
          },
        ],
      },
    ],
  })),
};

function renderTab(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <TrainingJobKubernetesContent />
    </EntityProvider>,
    {
      apis: [
        [
          mlopsApiRef,
          mockMlopsApi({
            getTrainJobStatus: jest.fn(async () =>
              entity === failedJob ? failedStatus : runningStatus,
            ),
          }),
        ],
        [kubernetesApiRef, kubernetesApi as any],
        [
          kubernetesAuthProvidersApiRef,
          { decorateRequestBodyForAuth: async (_: string, b: any) => b } as any,
        ],
        mockApis.permission(),
      ],
    },
  );
}

describe('TrainingJobKubernetesContent', () => {
  it("shows the job's phase and its own pods, not its sibling jobs' errors", async () => {
    await renderTab(runningJob);
    expect(
      await screen.findByText('Pods of fraud-detector-train-0419'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('fraud-detector-train-0419-node-0-0-abcde'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('mlops-phase-chip')).toHaveTextContent(
      'Running',
    );
    expect(screen.getByText('No pods with errors')).toBeInTheDocument();
    expect(
      screen.queryByText(/fraud-detector-train-0417/),
    ).not.toBeInTheDocument();
  });

  it('reports the failed pods of a failed job, under its Failed phase', async () => {
    await renderTab(failedJob);
    await waitFor(() =>
      expect(screen.getByTestId('mlops-phase-chip')).toHaveTextContent(
        'Failed',
      ),
    );
    expect(await screen.findByText('1 pod with errors')).toBeInTheDocument();
    expect(screen.getByText('Error Reporting')).toBeInTheDocument();
    expect(
      screen.getAllByText('fraud-detector-train-0417-node-0-0-abcde').length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByText(/fraud-detector-train-0419/),
    ).not.toBeInTheDocument();
  });
});
