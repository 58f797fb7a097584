import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FakeKubernetesApiServer,
  FakeModelRegistryServer,
  seedDemoStory,
} from '@sovereign-ai/demo-cluster';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { readExampleEntities } from '../../__testUtils__/demoEntities';
import { readMlopsBackendConfig } from '../../config/readMlopsBackendConfig';
import { ClusterRequestError, TooManyRequestsError } from '../../lib/errors';
import { KubernetesTrainJobService } from './KubernetesTrainJobService';

const TOKEN = 'sa-token-do-not-leak';
const credentials = mockCredentials.user('user:default/alice');
const id = (name: string) => ({
  cluster: 'sovereign-fr',
  namespace: 'fraud-ml',
  name,
});

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

describe('KubernetesTrainJobService', () => {
  let k8s: FakeKubernetesApiServer;
  let registry: FakeModelRegistryServer;
  let permissions: ReturnType<typeof mockServices.permissions.mock>;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  function createService(
    options: { maxStreams?: number; timeout?: object; catalog?: any } = {},
  ) {
    const config = readMlopsBackendConfig(
      mockServices.rootConfig({
        data: {
          mlops: {
            clusters: [
              {
                name: 'sovereign-fr',
                url: k8s.url,
                serviceAccountToken: TOKEN,
              },
            ],
            logs: { maxConcurrentStreamsPerUser: options.maxStreams ?? 3 },
            clusterRequestTimeout: options.timeout ?? { seconds: 5 },
          },
        },
      }),
    );
    return KubernetesTrainJobService.create({
      config,
      catalog:
        options.catalog ??
        catalogServiceMock({
          entities: readExampleEntities('fraud-detection-training.yaml'),
        }),
      permissions,
      logger,
    });
  }

  beforeEach(async () => {
    k8s = await FakeKubernetesApiServer.start({ token: TOKEN });
    registry = await FakeModelRegistryServer.start();
    seedDemoStory(k8s, registry);
    permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    logger = mockServices.logger.mock();
  });

  afterEach(async () => {
    await k8s.close();
    await registry.close();
  });

  describe('getStatus', () => {
    it('reads the running job: phase, progress, ETA, metrics, pods and events', async () => {
      const status = await createService().getStatus(
        id('fraud-detector-train-0419'),
        { credentials },
      );
      expect(status).toMatchObject({
        cluster: 'sovereign-fr',
        namespace: 'fraud-ml',
        name: 'fraud-detector-train-0419',
        entityRef:
          'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
        phase: 'Running',
        suspended: false,
        conditions: [],
        progress: {
          source: 'trainerStatus',
          percentage: 60,
          estimatedRemainingSeconds: 720,
          metrics: expect.objectContaining({ loss: expect.any(String) }),
        },
      });
      expect(status.jobsStatus.find(j => j.name === 'node')?.active).toBe(1);
      expect(
        Date.parse(status.progress!.eta!) -
          Date.parse(status.progress!.lastUpdatedTime!),
      ).toBe(720_000);
      expect(status.pods).toHaveLength(2);
      expect(status.pods[0]).toMatchObject({
        phase: 'Running',
        replicatedJob: 'node',
        restarts: 0,
        containers: [{ name: 'node', ready: true, state: 'running' }],
      });
      expect(status.events.map(e => e.reason)).toEqual(
        expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started']),
      );
      expect(status.warnings).toBeUndefined();
    });

    it('reads the failed job with the OOMKilled worker and its restarts', async () => {
      const status = await createService().getStatus(
        id('fraud-detector-train-0417'),
        { credentials },
      );
      expect(status.phase).toBe('Failed');
      expect(status.conditions).toContainEqual(
        expect.objectContaining({ type: 'Failed', status: 'True' }),
      );
      const rank0 = status.pods.find(p => p.restarts > 0)!;
      expect(rank0.containers[0]).toMatchObject({
        state: 'terminated',
        reason: 'OOMKilled',
        exitCode: 137,
        lastTerminationReason: 'OOMKilled',
      });
      expect(status.events[0].type).toBe('Warning');
      expect(status.events.map(e => e.reason)).toEqual(
        expect.arrayContaining(['BackOff', 'FailedJobs']),
      );
    });

    it("reads progress from OpenShift AI's annotation when there is no trainerStatus", async () => {
      const status = await createService().getStatus(
        id('chargeback-train-0405'),
        { credentials },
      );
      expect(status.phase).toBe('Succeeded');
      expect(status.progress).toMatchObject({
        source: 'annotation',
        percentage: 100,
        totalEpochs: expect.any(Number),
      });
    });

    it('answers 404 for a TrainJob without a readable TrainingJob entity, even if the cluster has it', async () => {
      const service = createService({
        catalog: catalogServiceMock.mock({
          getEntityByRef: async () => undefined,
        }),
      });
      await expect(
        service.getStatus(id('fraud-detector-train-0419'), { credentials }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      expect(k8s.requestLog).toHaveLength(0);
    });

    it('answers 404 when the entity exists but the cluster no longer has the object', async () => {
      k8s.delete({
        apiVersion: 'trainer.kubeflow.org/v1alpha1',
        kind: 'TrainJob',
        namespace: 'fraud-ml',
        name: 'fraud-detector-train-0412',
      });
      await expect(
        createService().getStatus(id('fraud-detector-train-0412'), {
          credentials,
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it.each([401, 500, 503])(
      'turns HTTP %s from the cluster into a 502 naming only the cluster and the status',
      async status => {
        k8s.setFault({ status });
        const error = await createService()
          .getStatus(id('fraud-detector-train-0419'), { credentials })
          .catch(e => e);
        expect(error).toBeInstanceOf(ClusterRequestError);
        expect(error.statusCode).toBe(502);
        expect(error.message).toBe(
          `Cluster sovereign-fr did not answer (HTTP ${status})`,
        );
        expect(error.message).not.toContain(k8s.url);
        expect(JSON.stringify(error)).not.toContain(TOKEN);
        expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(k8s.url);
      },
    );

    it('gives up on a cluster that does not answer, with a 502', async () => {
      k8s.setFault({ hang: true });
      const error = await createService({ timeout: { milliseconds: 300 } })
        .getStatus(id('fraud-detector-train-0419'), { credentials })
        .catch(e => e);
      expect(error).toBeInstanceOf(ClusterRequestError);
      expect(error.message).toBe(
        'Cluster sovereign-fr did not answer within 0 s',
      );
    });

    it('still answers when events cannot be read, with a warning', async () => {
      k8s.setFault({ status: 403, path: /\/events$/ });
      const status = await createService().getStatus(
        id('fraud-detector-train-0419'),
        { credentials },
      );
      expect(status.phase).toBe('Running');
      expect(status.events).toEqual([]);
      expect(status.warnings).toEqual([
        'Some events could not be read: Cluster sovereign-fr did not answer (HTTP 403)',
      ]);
    });
  });

  describe('openLogs', () => {
    it('returns the tail of the first trainer node by default', async () => {
      const logs = await createService().openLogs(
        id('fraud-detector-train-0412'),
        { tailLines: 3, follow: false },
        { credentials },
      );
      expect(logs.pod).toMatch(/^fraud-detector-train-0412-node-0-0-/);
      expect(logs.container).toBe('node');
      const text = await readAll(logs.stream);
      expect(text.trim().split('\n')).toHaveLength(3);
    });

    it('follows a running container and stops the upstream request on close', async () => {
      const service = createService({ maxStreams: 1 });
      const upstream = watchLogResponses(k8s);
      const logs = await service.openLogs(
        id('fraud-detector-train-0419'),
        { tailLines: 1, follow: true },
        { credentials },
      );
      const received: string[] = [];
      logs.stream.on('data', chunk => received.push(chunk.toString()));
      k8s.appendPodLogs('fraud-ml', logs.pod, 'node', 'step 4242 loss=0.1\n');
      await waitFor(() => received.join('').includes('step 4242'));

      // The single slot is taken while the stream is open...
      await expect(
        service.openLogs(
          id('fraud-detector-train-0419'),
          { tailLines: 1, follow: true },
          { credentials },
        ),
      ).rejects.toBeInstanceOf(TooManyRequestsError);

      expect(upstream.open()).toBe(1);
      logs.close();
      // A followed log never ends by itself: only the client can end it.
      await waitFor(() => upstream.open() === 0);
      logs.close();

      // ... and free again once it is closed.
      const again = await service.openLogs(
        id('fraud-detector-train-0419'),
        { tailLines: 1, follow: false },
        { credentials },
      );
      await readAll(again.stream);
    });

    it('rejects a pod of another job and an unknown container with 400', async () => {
      const service = createService();
      await expect(
        service.openLogs(
          id('fraud-detector-train-0419'),
          {
            pod: 'chargeback-train-0405-launcher-0-0-abcde',
            tailLines: 5,
            follow: false,
          },
          { credentials },
        ),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          'is not a pod of TrainJob fraud-ml/fraud-detector-train-0419',
        ),
      });
      await expect(
        service.openLogs(
          id('fraud-detector-train-0419'),
          { container: 'sidecar', tailLines: 5, follow: false },
          { credentials },
        ),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining("Container 'sidecar' is not in pod"),
      });
    });

    it('frees the slot when opening the stream fails', async () => {
      const service = createService({ maxStreams: 1 });
      k8s.setFault({ status: 500, path: /\/log$/ });
      await expect(
        service.openLogs(
          id('fraud-detector-train-0419'),
          { tailLines: 5, follow: false },
          { credentials },
        ),
      ).rejects.toBeInstanceOf(ClusterRequestError);
      k8s.setFault(undefined);
      const logs = await service.openLogs(
        id('fraud-detector-train-0419'),
        { tailLines: 5, follow: false },
        { credentials },
      );
      await readAll(logs.stream);
    });
  });

  describe('actions', () => {
    const trainJob = (name: string) =>
      k8s.get({
        apiVersion: 'trainer.kubeflow.org/v1alpha1',
        kind: 'TrainJob',
        namespace: 'fraud-ml',
        name,
      }) as any;

    it('suspends and resumes a running job with the manage permission on its entity', async () => {
      const service = createService();
      await expect(
        service.setSuspended(id('fraud-detector-train-0419'), true, {
          credentials,
        }),
      ).resolves.toEqual({
        entityRef:
          'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
        action: 'suspend',
        suspended: true,
      });
      expect(trainJob('fraud-detector-train-0419').spec.suspend).toBe(true);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'mlops.trainjob.manage',
            }),
            resourceRef:
              'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
          },
        ],
        { credentials },
      );
      await service.setSuspended(id('fraud-detector-train-0419'), false, {
        credentials,
      });
      expect(trainJob('fraud-detector-train-0419').spec.suspend).toBe(false);
    });

    it('refuses to suspend a finished job with 409', async () => {
      await expect(
        createService().setSuspended(id('fraud-detector-train-0412'), true, {
          credentials,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect(trainJob('fraud-detector-train-0412').spec.suspend).toBeFalsy();
    });

    it('deletes a job', async () => {
      await createService().delete(id('fraud-detector-train-0417'), {
        credentials,
      });
      expect(trainJob('fraud-detector-train-0417')).toBeUndefined();
    });

    it('changes nothing when the policy denies the permission', async () => {
      permissions.authorize.mockImplementation(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
      );
      const service = createService();
      await expect(
        service.setSuspended(id('fraud-detector-train-0419'), true, {
          credentials,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.delete(id('fraud-detector-train-0419'), { credentials }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(trainJob('fraud-detector-train-0419').spec.suspend).toBeFalsy();
      expect(k8s.requestLog.filter(r => r.method !== 'GET')).toEqual([]);
    });
  });
});

/**
 * Counts the fake server's log responses still open. It exposes no log
 * follower count, so this listens on its (private) HTTP server.
 */
function watchLogResponses(k8s: FakeKubernetesApiServer) {
  const server = (k8s as unknown as { server: Server }).server;
  let open = 0;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.includes('/log')) {
      open++;
      res.on('close', () => open--);
    }
  });
  return { open: () => open };
}

async function waitFor(check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 20));
  }
}
