import { FakeKubernetesApiServer } from '../kubernetes/FakeKubernetesApiServer';
import {
  FakeModelRegistryServer,
  MODEL_REGISTRY_BASE_PATH,
} from '../modelRegistry/FakeModelRegistryServer';
import { seedDemoStory } from './seedDemoStory';

const TRAINER = 'trainer.kubeflow.org/v1alpha1';
const job = (name: string) => ({
  apiVersion: TRAINER,
  kind: 'TrainJob',
  namespace: 'fraud-ml',
  name,
});

describe('seedDemoStory', () => {
  let k8s: FakeKubernetesApiServer;
  let registry: FakeModelRegistryServer;
  let stop: (() => void) | undefined;

  beforeEach(async () => {
    k8s = await FakeKubernetesApiServer.start();
    registry = await FakeModelRegistryServer.start();
  });

  afterEach(async () => {
    stop?.();
    stop = undefined;
    await Promise.all([k8s.close(), registry.close()]);
  });

  const getJson = async (url: string) => (await fetch(url)).json();
  const k8sList = (path: string) => getJson(`${k8s.url}${path}`);
  const registryGet = (path: string) =>
    getJson(`${registry.url}${MODEL_REGISTRY_BASE_PATH}${path}`);

  it('seeds the TrainJobs of the story with their join keys', async () => {
    seedDemoStory(k8s, registry);
    const jobs = await k8sList(
      '/apis/trainer.kubeflow.org/v1alpha1/namespaces/fraud-ml/trainjobs',
    );
    const byName = Object.fromEntries(
      jobs.items.map((j: any) => [j.metadata.name, j]),
    );
    expect(Object.keys(byName)).toEqual([
      'chargeback-train-0405',
      'fraud-detector-train-0412',
      'fraud-detector-train-0417',
      'fraud-detector-train-0419',
    ]);
    const j0412 = byName['fraud-detector-train-0412'];
    expect(j0412.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'fraud-detector',
    );
    expect(j0412.metadata.annotations).toMatchObject({
      'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v1',
      'sovereign-ai.io/model': 'fraud-detector',
      'sovereign-ai.io/jurisdiction': 'eu-fr',
      'sovereign-ai.io/data-classification': 'restricted',
    });
    expect(j0412.spec.trainer.image).toMatch(
      /^registry\.sovereign\.internal\/ml\/.*@sha256:[0-9a-f]{64}$/,
    );
    expect(j0412.status.conditions[0]).toMatchObject({
      type: 'Complete',
      status: 'True',
      reason: 'AllJobsCompleted',
    });

    const j0405 = byName['chargeback-train-0405'];
    expect(j0405.spec.trainer.image).toBe(
      'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime',
    );
    expect(j0405.spec.runtimeRef.name).toBe('deepspeed-distributed');
    expect(j0405.status.trainerStatus).toBeUndefined();
    expect(
      JSON.parse(
        j0405.metadata.annotations['trainer.opendatahub.io/trainerStatus'],
      ),
    ).toMatchObject({
      progressPercentage: 100,
      totalEpochs: 10,
    });

    const j0419 = byName['fraud-detector-train-0419'];
    expect(j0419.metadata.annotations['feast.dev/feature-service']).toBe(
      'fraud_detection/fraud_scoring_v2',
    );
    expect(j0419.status.conditions).toBeUndefined();
    expect(j0419.status.trainerStatus).toMatchObject({
      progressPercentage: 60,
    });
    expect(j0419.status.jobsStatus).toEqual([
      {
        name: 'node',
        ready: 1,
        succeeded: 0,
        failed: 0,
        active: 1,
        suspended: 0,
      },
    ]);
    expect(
      byName['fraud-detector-train-0417'].status.conditions[0],
    ).toMatchObject({
      type: 'Failed',
      reason: 'FailedJobs',
    });

    const runtimes = await k8sList(
      '/apis/trainer.kubeflow.org/v1alpha1/clustertrainingruntimes',
    );
    expect(runtimes.items.map((r: any) => r.metadata.name)).toEqual([
      'deepspeed-distributed',
      'torch-distributed',
    ]);
    for (const runtime of runtimes.items) {
      expect(JSON.stringify(runtime.spec)).not.toMatch(
        /"image":"(?!registry\.sovereign\.internal\/ml\/[^"]*@sha256:)/,
      );
    }
  });

  it('seeds pods the Kubernetes plugin finds, logs and the OOMKilled worker', async () => {
    seedDemoStory(k8s, registry);
    const pods = await k8sList(
      '/api/v1/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dfraud-detector,jobset.sigs.k8s.io%2Fjobset-name%3Dfraud-detector-train-0419',
    );
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) {
      expect(pod.status.phase).toBe('Running');
      expect(pod.metadata.labels['jobset.sigs.k8s.io/replicatedjob-name']).toBe(
        'node',
      );
      expect(pod.metadata.name).toMatch(
        /^fraud-detector-train-0419-node-0-[01]-[a-z0-9]{5}$/,
      );
    }
    const log = await (
      await fetch(
        `${k8s.url}/api/v1/namespaces/fraud-ml/pods/${pods.items[0].metadata.name}/log?container=node`,
      )
    ).text();
    expect(log).toMatch(/feature_service=fraud_detection\/fraud_scoring_v2/);
    expect(log).toMatch(/epoch=6\/10 step=720\/1200 loss=0\.\d{4}/);

    const failed = await k8sList(
      '/api/v1/namespaces/fraud-ml/pods?labelSelector=jobset.sigs.k8s.io%2Fjobset-name%3Dfraud-detector-train-0417',
    );
    const statuses = failed.items.map(
      (p: any) => p.status.containerStatuses[0],
    );
    expect(
      statuses.map((s: any) => [s.state.terminated.reason, s.restartCount]),
    ).toEqual(
      expect.arrayContaining([
        ['OOMKilled', 3],
        ['Error', 0],
      ]),
    );
    const events = await k8sList(
      '/api/v1/namespaces/fraud-ml/events?fieldSelector=reason%3DBackOff',
    );
    expect(events.items).toHaveLength(1);
    const chargeback = await k8sList(
      '/api/v1/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dchargeback-predictor',
    );
    expect(
      chargeback.items
        .map(
          (p: any) =>
            p.metadata.labels['jobset.sigs.k8s.io/replicatedjob-name'],
        )
        .sort(),
    ).toEqual(['launcher', 'node']);
  });

  it('registers the models with versions linked to jobs and feature services', async () => {
    seedDemoStory(k8s, registry);
    const models = await registryGet('/registered_models');
    expect(models.items.map((m: any) => m.name)).toEqual([
      'fraud-detector',
      'chargeback-predictor',
    ]);
    const fraud = models.items[0];
    const versions = await registryGet(
      `/registered_models/${fraud.id}/versions`,
    );
    expect(versions.items.map((v: any) => [v.name, v.state])).toEqual([
      ['v1', 'ARCHIVED'],
      ['v2', 'LIVE'],
    ]);
    const v2 = versions.items[1];
    expect(v2.customProperties).toMatchObject({
      'feast.feature_service': {
        metadataType: 'MetadataStringValue',
        string_value: 'fraud_detection/fraud_scoring_v1',
      },
      'sovereign-ai.io/trainjob': {
        metadataType: 'MetadataStringValue',
        string_value: 'sovereign-fr/fraud-ml/fraud-detector-train-0412',
      },
      auc: { metadataType: 'MetadataDoubleValue', double_value: 0.962 },
    });
    const artifacts = await registryGet(`/model_versions/${v2.id}/artifacts`);
    expect(artifacts.items[0]).toMatchObject({
      uri: 's3://models-fr/fraud-detector/v2/',
      modelFormatName: 'onnx',
      modelSourceKind: 'kubeflow-trainer',
      modelSourceName: 'fraud-detector-train-0412',
      modelSourceId: k8s.get(job('fraud-detector-train-0412'))!.metadata!.uid,
    });
    const chargeback = await registryGet(
      `/registered_models/${models.items[1].id}/versions`,
    );
    expect(chargeback.items.map((v: any) => v.name)).toEqual(['1', '2']);
  });

  it('moves when live: progress, logs, completion, a new version, a failure', async () => {
    stop = seedDemoStory(k8s, registry, { live: true, tickMs: 5 });
    const failing = k8s.get(job('fraud-detector-train-0417')) as any;
    expect(failing.status.conditions).toBeUndefined(); // running at first
    const progressSeen = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const running = k8s.get(job('fraud-detector-train-0419')) as any;
      progressSeen.add(running.status.trainerStatus.progressPercentage);
      if (running.status.conditions?.[0]?.type === 'Complete') break;
      await new Promise(r => setTimeout(r, 5));
    }
    expect(progressSeen.size).toBeGreaterThan(10);
    const done = k8s.get(job('fraud-detector-train-0419')) as any;
    expect(done.status.conditions[0]).toMatchObject({
      type: 'Complete',
      reason: 'AllJobsCompleted',
    });
    expect(done.status.trainerStatus.progressPercentage).toBe(100);

    const versions = await registryGet('/model_versions?pageSize=100');
    const v3 = versions.items.find((v: any) => v.name === 'v3');
    expect(v3.customProperties['sovereign-ai.io/trainjob'].string_value).toBe(
      'sovereign-fr/fraud-ml/fraud-detector-train-0419',
    );

    const failed = k8s.get(job('fraud-detector-train-0417')) as any;
    expect(failed.status.conditions[0]).toMatchObject({ type: 'Failed' });

    for (
      let i = 0;
      i < 200 && !k8s.get(job('fraud-detector-train-0420'));
      i++
    ) {
      await new Promise(r => setTimeout(r, 5));
    }
    const next = k8s.get(job('fraud-detector-train-0420')) as any;
    expect(next.status.jobsStatus[0]).toMatchObject({ active: 1 });
    const pods = await k8sList(
      '/api/v1/namespaces/fraud-ml/pods?labelSelector=jobset.sigs.k8s.io%2Fjobset-name%3Dfraud-detector-train-0419',
    );
    expect(pods.items.map((p: any) => p.status.phase)).toEqual([
      'Succeeded',
      'Succeeded',
    ]);
    const log = await (
      await fetch(
        `${k8s.url}/api/v1/namespaces/fraud-ml/pods/${pods.items[0].metadata.name}/log`,
      )
    ).text();
    expect(log).toMatch(/epoch=10\/10 done/);
    expect(log).toMatch(/training finished/);
  });
});
