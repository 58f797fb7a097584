import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeKubernetesApiServer } from '@sovereign-ai/demo-cluster';
import { createServer, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { FakeConnection } from '../../__testUtils__/FakeConnection';
import { loadFixture } from '../../__testUtils__/fixtures';
import {
  demoTrainJob,
  FAILED_STATUS,
  RUNNING_STATUS,
  SUCCEEDED_STATUS,
  v21TrainJob,
} from '../../__testUtils__/trainJobs';
import { trainingJobEntityV1alpha1Validator } from '@sovereign-ai/backstage-plugin-mlops-common';
import { datasetRef } from './datasetEntity';
import { KubeflowTrainerEntityProvider } from './KubeflowTrainerEntityProvider';

jest.setTimeout(60_000);

const TOKEN = 'demo-token-3f9a';
const JOB =
  'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0412';
const trainJobRef = (name: string) => ({
  apiVersion: 'trainer.kubeflow.org/v1alpha1',
  kind: 'TrainJob',
  namespace: 'fraud-ml',
  name,
});

function seed(k8s: FakeKubernetesApiServer) {
  for (const runtime of [
    ...loadFixture('torch_distributed.yaml'),
    ...loadFixture('deepspeed_distributed.yaml'),
  ]) {
    k8s.apply(runtime);
  }
  k8s.apply(
    demoTrainJob({
      name: 'fraud-detector-train-0412',
      created: '2026-04-12T08:00:00Z',
      datasetUri: 's3://fraud-data-fr/transactions/',
    }),
  );
  k8s.setStatus(trainJobRef('fraud-detector-train-0412'), SUCCEEDED_STATUS);
  k8s.apply(
    demoTrainJob({
      name: 'fraud-detector-train-0419',
      created: '2026-04-19T08:00:00Z',
      featureService: 'fraud_detection/fraud_scoring_v2',
    }),
  );
  k8s.setStatus(trainJobRef('fraud-detector-train-0419'), RUNNING_STATUS);
  k8s.apply(
    demoTrainJob({
      name: 'chargeback-train-0405',
      created: '2026-04-05T08:00:00Z',
      runtime: 'deepspeed-distributed',
      model: 'chargeback-predictor',
      image: 'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime',
    }),
  );
  k8s.setStatus(trainJobRef('chargeback-train-0405'), SUCCEEDED_STATUS);
}

/** A running provider task, stopped with `stop()`. */
interface Running {
  provider: KubeflowTrainerEntityProvider;
  connection: FakeConnection;
  logger: ReturnType<typeof mockServices.logger.mock>;
  stop(): Promise<void>;
  /** Waits for the current run to end by itself (polling mode). */
  done(): Promise<void>;
  /** Starts another run of the task (as the scheduler would). */
  rerun(): void;
}

async function startProvider(
  clusters: unknown[],
  extra: Record<string, unknown> = {},
  deps: Partial<{ catalog: any; auth: any }> = {},
): Promise<Running> {
  const config = new ConfigReader({
    catalog: {
      providers: {
        kubeflowTrainer: {
          test: { clusters, owner: 'group:default/fraud-ml', ...extra },
        },
      },
    },
  } as any);
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const scheduler = mockServices.scheduler.mock();
  const [provider] = KubeflowTrainerEntityProvider.fromConfig(config, {
    logger,
    scheduler,
    ...deps,
  });
  const connection = new FakeConnection();
  await provider.connect(connection);
  expect(scheduler.scheduleTask).toHaveBeenCalledWith(
    expect.objectContaining({ id: 'kubeflow-trainer-provider:test:sync' }),
  );
  let controller = new AbortController();
  let running = provider.run(controller.signal);
  return {
    provider,
    connection,
    logger,
    async stop() {
      controller.abort();
      await running;
    },
    async done() {
      await running;
    },
    rerun() {
      controller = new AbortController();
      running = provider.run(controller.signal);
    },
  };
}

function cluster(k8s: { url: string }, token = TOKEN, name = 'sovereign-fr') {
  return {
    name,
    url: k8s.url,
    serviceAccountToken: token,
    jurisdiction: name === 'sovereign-fr' ? 'eu-fr' : 'eu-de',
    dataClassification: 'confidential',
  };
}

function loggedErrors(logger: Running['logger']): string {
  return logger.error.mock.calls.map(c => String(c[0])).join('\n');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(r => server.close(() => r()));
  return port;
}

describe('KubeflowTrainerEntityProvider against the fake API server', () => {
  let k8s: FakeKubernetesApiServer;
  let running: Running | undefined;

  beforeEach(async () => {
    k8s = await FakeKubernetesApiServer.start({ token: TOKEN });
    seed(k8s);
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await k8s.close();
  });

  it('ingests TrainJobs, runtimes and datasets with their join keys', async () => {
    running = await startProvider([cluster(k8s)]);
    const { connection } = running;
    await connection.waitFor(() => connection.entities.size === 6);
    expect(connection.mutations[0].type).toBe('full');
    const dataset = datasetRef('s3://fraud-data-fr/transactions/');
    expect(connection.refs()).toEqual(
      [
        dataset,
        'resource:default/sovereign-fr-deepspeed-distributed',
        'resource:default/sovereign-fr-torch-distributed',
        'trainingjob:default/sovereign-fr-fraud-ml-chargeback-train-0405',
        JOB,
        'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
      ].sort(),
    );
    for (const ref of connection.refs('TrainingJob')) {
      expect(
        await trainingJobEntityV1alpha1Validator.check(connection.get(ref)!),
      ).toBe(true);
    }
    expect(connection.get(dataset)).toMatchObject({
      metadata: {
        title: 's3://fraud-data-fr/transactions/',
        annotations: {
          'kubeflow.org/storage-uri': 's3://fraud-data-fr/transactions/',
        },
      },
      spec: { type: 'dataset', owner: 'group:default/fraud-ml' },
    });

    const job = connection.get(JOB)!;
    expect(job.metadata.title).toBe('fraud-detector-train-0412');
    expect(job.metadata.annotations).toMatchObject({
      'kubeflow.org/cluster': 'sovereign-fr',
      'kubeflow.org/namespace': 'fraud-ml',
      'kubeflow.org/name': 'fraud-detector-train-0412',
      'kubeflow.org/kind': 'TrainJob',
      'backstage.io/kubernetes-id': 'fraud-detector',
      'backstage.io/kubernetes-namespace': 'fraud-ml',
      'sovereign-ai.io/jurisdiction': 'eu-fr',
      'sovereign-ai.io/data-classification': 'confidential',
      'backstage.io/managed-by-location': 'kubeflow-trainer-provider:test',
    });
    expect(job.spec).toMatchObject({
      type: 'torch',
      owner: 'group:default/fraud-ml',
      cluster: 'sovereign-fr',
      namespace: 'fraud-ml',
      runtime: 'resource:default/sovereign-fr-torch-distributed',
      runtimeRef: { name: 'torch-distributed', kind: 'ClusterTrainingRuntime' },
      trainer: {
        numNodes: 2,
        resourcesPerNode: { requests: { 'nvidia.com/gpu': '1' } },
      },
      featureServices: [
        'featureservice:default/fraud_detection-fraud_scoring_v1',
      ],
      produces: ['model:default/fraud-detector'],
      phase: 'Succeeded',
      created: '2026-04-12T08:00:00Z',
    });
    expect(job.spec!.datasets).toEqual([dataset]);
    expect(
      connection.get(
        'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
      )!.spec!.phase,
    ).toBe('Running');

    const runtime = connection.get(
      'resource:default/sovereign-fr-deepspeed-distributed',
    )!;
    expect(runtime.spec).toMatchObject({
      type: 'training-runtime',
      framework: 'deepspeed',
      mlPolicy: 'mpi',
      numNodes: 1,
    });
    expect(runtime.metadata.annotations).toMatchObject({
      'kubeflow.org/kind': 'ClusterTrainingRuntime',
      'sovereign-ai.io/jurisdiction': 'eu-fr',
    });
    // The template's runtime picker filters on this label.
    expect(runtime.metadata.labels).toEqual({
      'trainer.kubeflow.org/framework': 'deepspeed',
    });
  });

  it('applies watch events as delta mutations', async () => {
    running = await startProvider([cluster(k8s)]);
    const { connection } = running;
    await connection.waitFor(() => connection.entities.size === 6);
    const before = connection.mutations.length;
    const ref0419 =
      'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419';

    k8s.setStatus(trainJobRef('fraud-detector-train-0419'), SUCCEEDED_STATUS);
    await connection.waitFor(
      () => connection.get(ref0419)?.spec?.phase === 'Succeeded',
    );
    k8s.apply(
      demoTrainJob({
        name: 'fraud-detector-train-0417',
        featureService: 'fraud_detection/fraud_scoring_v2',
      }),
    );
    k8s.setStatus(trainJobRef('fraud-detector-train-0417'), FAILED_STATUS);
    const ref0417 =
      'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0417';
    await connection.waitFor(
      () => connection.get(ref0417)?.spec?.phase === 'Failed',
    );
    k8s.delete(trainJobRef('chargeback-train-0405'));
    await connection.waitFor(
      () =>
        !connection.get(
          'trainingjob:default/sovereign-fr-fraud-ml-chargeback-train-0405',
        ),
    );

    const later = connection.mutations.slice(before);
    expect(later.length).toBeGreaterThanOrEqual(3);
    expect(later.every(m => m.type === 'delta')).toBe(true);
    // Only what changed is sent: one entity per event.
    const sizes = later.map(m =>
      m.type === 'delta' ? m.added.length + m.removed.length : Infinity,
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
    expect(connection.refs('TrainingJob')).toHaveLength(3);
  });

  it('logs and emits nothing while the API server is unreachable, then recovers', async () => {
    const port = await freePort();
    running = await startProvider([
      { ...cluster({ url: `http://127.0.0.1:${port}` }) },
    ]);
    const { connection, logger } = running;
    await new Promise(r => setTimeout(r, 1500));
    expect(connection.mutations).toEqual([]);
    const errors = loggedErrors(logger);
    expect(errors).toContain(
      'kubeflow-trainer-provider:test could not list trainjobs on cluster sovereign-fr: network error ECONNREFUSED',
    );
    expect(errors).not.toContain(String(port));
    expect(errors).not.toContain(TOKEN);

    const late = await FakeKubernetesApiServer.start({ port, token: TOKEN });
    try {
      seed(late);
      await connection.waitFor(() => connection.entities.size === 6, 20_000);
      expect(connection.mutations.some(m => m.type === 'full')).toBe(true);
    } finally {
      await running.stop();
      running = undefined;
      await late.close();
    }
  });

  it('reconnects after a dropped watch without losing or duplicating jobs', async () => {
    running = await startProvider([cluster(k8s)]);
    const { connection } = running;
    await connection.waitFor(() => connection.entities.size === 6);
    const lists = () =>
      k8s.requestLog.filter(
        r => r.path.endsWith('/trainjobs') && !/watch=/.test(r.query),
      ).length;
    const listsBefore = lists();

    k8s.dropWatches();
    // A change while the watch is down must still arrive.
    k8s.setStatus(trainJobRef('fraud-detector-train-0419'), FAILED_STATUS);
    await connection.waitFor(
      () =>
        connection.get(
          'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
        )?.spec?.phase === 'Failed',
    );
    expect(lists()).toBeGreaterThan(listsBefore);
    expect(connection.refs('TrainingJob')).toHaveLength(3);
    // The watch is back: a later event is applied too.
    k8s.setStatus(trainJobRef('fraud-detector-train-0419'), RUNNING_STATUS);
    await connection.waitFor(
      () =>
        connection.get(
          'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
        )?.spec?.phase === 'Running',
    );
  });

  it('lists again after 410 Gone when the next run resumes from a compacted version', async () => {
    running = await startProvider([cluster(k8s)]);
    const { connection, logger } = running;
    await connection.waitFor(() => connection.entities.size === 6);
    await running.stop();

    // Changes while no replica watches, then the history is compacted.
    k8s.delete(trainJobRef('chargeback-train-0405'));
    k8s.apply(demoTrainJob({ name: 'fraud-detector-train-0417' }));
    k8s.compact();

    running.rerun();
    await connection.waitFor(
      () =>
        !connection.get(
          'trainingjob:default/sovereign-fr-fraud-ml-chargeback-train-0405',
        ) &&
        !!connection.get(
          'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0417',
        ),
    );
    expect(
      logger.info.mock.calls.some(c =>
        /got 410 Gone; listing again/.test(String(c[0])),
      ),
    ).toBe(true);
    expect(connection.mutations.at(-1)!.type).toBe('full');
  });

  it('names the cluster and hides the token on 401, and keeps entities on 403', async () => {
    running = await startProvider([cluster(k8s, 'wrong-token-77')]);
    await new Promise(r => setTimeout(r, 1000));
    expect(running.connection.mutations).toEqual([]);
    const errors = loggedErrors(running.logger);
    expect(errors).toContain(
      'could not list trainjobs on cluster sovereign-fr: HTTP 401',
    );
    expect(errors).toContain('check the token');
    expect(errors).not.toContain('wrong-token-77');
    expect(errors).not.toContain(k8s.url);
    await running.stop();

    running = await startProvider([cluster(k8s)]);
    const { connection, logger } = running;
    await connection.waitFor(() => connection.entities.size === 6);
    const applied = connection.mutations.length;
    k8s.setFault({ status: 403 });
    k8s.dropWatches();
    await new Promise(r => setTimeout(r, 2500));
    k8s.setFault(undefined);
    expect(loggedErrors(logger)).toMatch(
      /could not list \w+ on cluster sovereign-fr: HTTP 403/,
    );
    expect(connection.mutations.length).toBe(applied);
    expect(connection.entities.size).toBe(6);
  });

  it('reads a v2.1 (OpenShift AI) cluster next to a v2.3 one', async () => {
    const odh = await FakeKubernetesApiServer.start({
      token: TOKEN,
      trainerVersion: 'v2.1.0',
    });
    try {
      odh.apply(v21TrainJob('fraud-detector-train-odh'));
      running = await startProvider([
        cluster(k8s),
        cluster(odh, TOKEN, 'sovereign-de'),
      ]);
      const { connection } = running;
      const ref =
        'trainingjob:default/sovereign-de-fraud-ml-fraud-detector-train-odh';
      await connection.waitFor(() => !!connection.get(ref));
      const job = connection.get(ref)!;
      expect(job.spec).toMatchObject({
        cluster: 'sovereign-de',
        trainer: { numNodes: 1, numProcPerNode: 'auto' },
        featureServices: [
          'featureservice:default/fraud_detection-fraud_scoring_v2',
        ],
        produces: ['model:default/fraud-detector'],
        runtime: 'resource:default/sovereign-de-torch-distributed',
        phase: 'Pending',
      });
      // The job's own label wins over the cluster's jurisdiction.
      expect(job.metadata.annotations!['sovereign-ai.io/jurisdiction']).toBe(
        'eu-de',
      );
      expect(job.metadata.annotations!['backstage.io/kubernetes-id']).toBe(
        'fraud-detector',
      );
      expect(connection.refs('TrainingJob')).toHaveLength(4);
    } finally {
      await running?.stop();
      running = undefined;
      await odh.close();
    }
  });

  it('keeps a reachable cluster in the catalog while another is down, without a full mutation', async () => {
    const port = await freePort();
    running = await startProvider([
      cluster(k8s),
      cluster({ url: `http://127.0.0.1:${port}` }, TOKEN, 'sovereign-de'),
    ]);
    const { connection } = running;
    await connection.waitFor(() => connection.entities.size === 6);
    expect(connection.mutations.every(m => m.type === 'delta')).toBe(true);
    expect(loggedErrors(running.logger)).toContain('cluster sovereign-de');
  });

  it('skips a malformed TrainJob with a warning naming it and ingests the others', async () => {
    // A proxy that strips runtimeRef from one TrainJob in list answers, as
    // an API server with a broken CRD or webhook could serve it.
    const upstream = new URL(k8s.url);
    const proxy: Server = createServer((req, res) => {
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        upstreamRes => {
          const isList =
            /\/trainjobs(\?|$)/.test(req.url ?? '') &&
            !/watch=/.test(req.url ?? '');
          if (!isList) {
            res.writeHead(upstreamRes.statusCode!, upstreamRes.headers);
            upstreamRes.pipe(res);
            return;
          }
          let body = '';
          upstreamRes.on('data', c => (body += c));
          upstreamRes.on('end', () => {
            const list = JSON.parse(body);
            for (const item of list.items ?? []) {
              if (item.metadata.name === 'chargeback-train-0405') {
                delete item.spec.runtimeRef;
                item.spec.someFutureField = { enabled: true };
              }
            }
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify(list));
          });
        },
      );
      req.pipe(forward);
    });
    await new Promise<void>(r => proxy.listen(0, '127.0.0.1', () => r()));
    const proxyUrl = `http://127.0.0.1:${
      (proxy.address() as AddressInfo).port
    }`;
    try {
      running = await startProvider([cluster({ url: proxyUrl })], {
        watch: false,
      });
      const { connection, logger } = running;
      await connection.waitFor(() => connection.entities.size === 5);
      expect(connection.refs('TrainingJob')).toEqual([
        JOB,
        'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
      ]);
      expect(logger.warn).toHaveBeenCalledWith(
        'Skipped a malformed TrainJob on cluster sovereign-fr: TrainJob fraud-ml/chargeback-train-0405: spec.runtimeRef.name is missing',
      );
    } finally {
      await running?.stop();
      running = undefined;
      proxy.closeAllConnections();
      await new Promise(r => proxy.close(r));
    }
  });

  it('polls with one full list per run when watch is off', async () => {
    running = await startProvider([cluster(k8s)], { watch: false });
    const { connection } = running;
    await running.done();
    expect(connection.mutations.map(m => m.type)).toEqual(['full']);
    expect(connection.entities.size).toBe(6);
    expect(k8s.requestLog.some(r => /watch=/.test(r.query))).toBe(false);
  });

  it('applies retention but keeps jobs that a model version points at', async () => {
    for (let day = 1; day <= 4; day++) {
      const name = `old-train-0${day}`;
      k8s.apply(demoTrainJob({ name, created: `2026-03-0${day}T08:00:00Z` }));
      k8s.setStatus(trainJobRef(name), SUCCEEDED_STATUS);
    }
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'sovereign-ai.io/v1alpha1',
          kind: 'Model',
          metadata: { name: 'fraud-detector' },
          spec: {
            owner: 'fraud-ml',
            versions: [
              {
                name: 'v1',
                producedBy:
                  'trainingjob:default/sovereign-fr-fraud-ml-old-train-01',
              },
            ],
          },
        },
      ],
    });
    running = await startProvider(
      [cluster(k8s)],
      { retention: { maxJobsPerNamespace: 2 }, watch: false },
      { catalog, auth: mockServices.auth() },
    );
    const { connection } = running;
    await running.done();
    expect(connection.refs('TrainingJob')).toEqual([
      // the running job and the two newest finished ones are kept ...
      // (0419 running, 0412 and 0405 newest finished) ... and old-train-01
      // because a model version points at it
      'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0412',
      'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
      'trainingjob:default/sovereign-fr-fraud-ml-old-train-01',
    ]);
  });
});
