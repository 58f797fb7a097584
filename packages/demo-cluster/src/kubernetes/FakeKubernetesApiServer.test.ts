import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  Log,
  PatchStrategy,
  Watch,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { PassThrough } from 'node:stream';
import { FakeKubernetesApiServer } from './FakeKubernetesApiServer';
import { kubeConfigFor } from './__testUtils__/kubeConfigFor';

const GROUP = 'trainer.kubeflow.org';
const VERSION = 'v1alpha1';
const TRAINJOBS = { group: GROUP, version: VERSION, plural: 'trainjobs' };

function trainJob(name: string, namespace = 'fraud-ml', labels = {}) {
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'TrainJob',
    metadata: { name, namespace, labels },
    spec: {
      runtimeRef: { name: 'torch-distributed' },
      trainer: { numNodes: 2 },
    },
  };
}

function pod(name: string, containers = ['node']) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'fraud-ml', labels: { app: 'x' } },
    spec: { containers: containers.map(c => ({ name: c, image: 'busybox' })) },
  };
}

/** Collects watch events until `count` arrived or the watch ended. */
function collect(
  server: FakeKubernetesApiServer,
  path: string,
  query: Record<string, string | boolean>,
  count: number,
) {
  const events: Array<{ type: string; object: any }> = [];
  let controller: AbortController | undefined;
  const done = new Promise<unknown>((resolve, reject) => {
    new Watch(kubeConfigFor(server.url))
      .watch(
        path,
        query,
        (type, object) => {
          events.push({ type, object });
          if (events.length === count) resolve(undefined);
        },
        err => resolve(err),
      )
      .then(c => {
        controller = c;
      }, reject);
  });
  return {
    events,
    done,
    abort: () => controller?.abort(),
  };
}

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) {
    await new Promise(r => setTimeout(r, 10));
  }
  expect(check()).toBe(true);
}

describe('FakeKubernetesApiServer', () => {
  let server: FakeKubernetesApiServer;
  let custom: CustomObjectsApi;
  let core: CoreV1Api;

  beforeEach(async () => {
    server = await FakeKubernetesApiServer.start();
    const kc = kubeConfigFor(server.url);
    custom = kc.makeApiClient(CustomObjectsApi);
    core = kc.makeApiClient(CoreV1Api);
  });

  afterEach(async () => {
    await server.close();
  });

  it('listens on loopback and serves discovery documents', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const get = async (path: string) =>
      (await fetch(`${server.url}${path}`)).json();
    expect((await get('/api')).versions).toEqual(['v1']);
    const groups = (await get('/apis')).groups.map((g: any) => g.name);
    expect(groups).toEqual(
      expect.arrayContaining([
        GROUP,
        'apps',
        'batch',
        'networking.k8s.io',
        'autoscaling',
      ]),
    );
    expect((await get(`/apis/${GROUP}`)).preferredVersion).toEqual({
      groupVersion: `${GROUP}/${VERSION}`,
      version: VERSION,
    });
    const trainer = await get(`/apis/${GROUP}/${VERSION}`);
    expect(trainer.resources.map((r: any) => [r.name, r.namespaced])).toEqual([
      ['trainjobs', true],
      ['trainjobs/status', true],
      ['trainingruntimes', true],
      ['clustertrainingruntimes', false],
    ]);
    const v1 = await get('/api/v1');
    expect(v1.resources.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(['pods', 'pods/log', 'pods/status', 'events']),
    );
  });

  it('answers every type the Backstage Kubernetes backend lists', async () => {
    const paths = [
      '/api/v1/pods',
      '/api/v1/services',
      '/api/v1/configmaps',
      '/api/v1/limitranges',
      '/api/v1/resourcequotas',
      '/apis/apps/v1/deployments',
      '/apis/apps/v1/replicasets',
      '/apis/apps/v1/statefulsets',
      '/apis/apps/v1/daemonsets',
      '/apis/batch/v1/jobs',
      '/apis/batch/v1/cronjobs',
      '/apis/networking.k8s.io/v1/ingresses',
      '/apis/autoscaling/v2/horizontalpodautoscalers',
      '/apis/autoscaling/v1/horizontalpodautoscalers',
      `/apis/${GROUP}/${VERSION}/trainjobs`,
    ];
    for (const path of paths) {
      const res = await fetch(
        `${server.url}${path}?labelSelector=backstage.io%2Fkubernetes-id%3Dfraud-detector`,
      );
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.kind).toMatch(/List$/);
      expect(body.items).toEqual([]);
    }
  });

  it('lists with label selectors and limit/continue pagination', async () => {
    for (let i = 0; i < 5; i++) {
      server.apply(
        trainJob(`job-${i}`, 'fraud-ml', { team: i % 2 ? 'odd' : 'even' }),
      );
    }
    server.apply(trainJob('other', 'other-ns', { team: 'even' }));

    const names: string[] = [];
    let token: string | undefined;
    const versions = new Set<string>();
    const remaining: number[] = [];
    do {
      const page: any = await custom.listNamespacedCustomObject({
        ...TRAINJOBS,
        namespace: 'fraud-ml',
        limit: 2,
        _continue: token,
      });
      expect(page.kind).toBe('TrainJobList');
      names.push(...page.items.map((o: any) => o.metadata.name));
      versions.add(page.metadata.resourceVersion);
      token = page.metadata.continue;
      remaining.push(page.metadata.remainingItemCount);
    } while (token);
    expect(remaining).toEqual([3, 1, undefined]);
    expect(names).toEqual(['job-0', 'job-1', 'job-2', 'job-3', 'job-4']);
    expect(versions.size).toBe(1); // every page reports the first page's version

    const even: any = await custom.listClusterCustomObject({
      ...TRAINJOBS,
      labelSelector: 'team in (even),team!=odd',
    });
    expect(even.items.map((o: any) => o.metadata.name)).toEqual([
      'job-0',
      'job-2',
      'job-4',
      'other',
    ]);
    await expect(
      custom.listClusterCustomObject({
        ...TRAINJOBS,
        labelSelector: 'team in even',
      }),
    ).rejects.toMatchObject({ code: 400 });
  });

  it('gets objects and answers Status objects for unknown ones', async () => {
    const stored = server.apply(trainJob('job-a'));
    const got: any = await custom.getNamespacedCustomObject({
      ...TRAINJOBS,
      namespace: 'fraud-ml',
      name: 'job-a',
    });
    expect(got.metadata.uid).toBe((stored as any).metadata.uid);
    expect(got.spec.runtimeRef.kind).toBe('ClusterTrainingRuntime'); // defaulted
    const error = await custom
      .getNamespacedCustomObject({
        ...TRAINJOBS,
        namespace: 'fraud-ml',
        name: 'nope',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.code).toBe(404);
    expect(JSON.parse(error.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'trainjobs.trainer.kubeflow.org "nope" not found',
      reason: 'NotFound',
      code: 404,
    });
  });

  it('requires the bearer token when one is set', async () => {
    const secured = await FakeKubernetesApiServer.start({ token: 's3cret' });
    try {
      const anonymous = kubeConfigFor(secured.url, 'wrong').makeApiClient(
        CoreV1Api,
      );
      await expect(anonymous.listPodForAllNamespaces()).rejects.toMatchObject({
        code: 401,
      });
      const authorised = kubeConfigFor(secured.url, 's3cret').makeApiClient(
        CoreV1Api,
      );
      await expect(authorised.listPodForAllNamespaces()).resolves.toMatchObject(
        { items: [] },
      );
    } finally {
      await secured.close();
    }
  });

  it('validates objects written over HTTP against the CRD (422 Invalid)', async () => {
    const error = await custom
      .createNamespacedCustomObject({
        ...TRAINJOBS,
        namespace: 'fraud-ml',
        body: {
          ...trainJob('bad'),
          spec: { ...trainJob('bad').spec, podTemplateOverrides: [] },
        },
      })
      .catch(e => e);
    expect(error.code).toBe(422);
    const status = JSON.parse(error.body);
    expect(status.reason).toBe('Invalid');
    expect(status.message).toContain(
      'unknown field "spec.podTemplateOverrides"',
    );
    await custom.createNamespacedCustomObject({
      ...TRAINJOBS,
      namespace: 'fraud-ml',
      body: trainJob('good'),
    });
    await expect(
      custom.createNamespacedCustomObject({
        ...TRAINJOBS,
        namespace: 'fraud-ml',
        body: trainJob('good'),
      }),
    ).rejects.toMatchObject({ code: 409 });
  });

  it('patches spec (suspend) and status through their own endpoints', async () => {
    server.apply(trainJob('job-a'));
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const suspended: any = await custom.patchNamespacedCustomObject(
      {
        ...TRAINJOBS,
        namespace: 'fraud-ml',
        name: 'job-a',
        body: { spec: { suspend: true }, status: { jobsStatus: [] } },
      },
      merge,
    );
    expect(suspended.spec.suspend).toBe(true);
    expect(suspended.metadata.generation).toBe(2);
    expect(suspended.status).toBeUndefined(); // the main resource ignores status

    const status = {
      conditions: [
        {
          type: 'Suspended',
          status: 'True',
          reason: 'Suspended',
          message: 'TrainJob is suspended',
          lastTransitionTime: '2026-11-27T10:00:00Z',
        },
      ],
    };
    const withStatus: any = await custom.patchNamespacedCustomObjectStatus(
      { ...TRAINJOBS, namespace: 'fraud-ml', name: 'job-a', body: { status } },
      merge,
    );
    expect(withStatus.status).toEqual(status);
    expect(withStatus.metadata.generation).toBe(2); // status does not bump it

    // JSON patch, the client's default content type.
    const resumed: any = await custom.patchNamespacedCustomObject({
      ...TRAINJOBS,
      namespace: 'fraud-ml',
      name: 'job-a',
      body: [{ op: 'replace', path: '/spec/suspend', value: false }],
    });
    expect(resumed.spec.suspend).toBe(false);
    expect(resumed.status).toEqual(status);

    const fetched: any = await custom.getNamespacedCustomObjectStatus({
      ...TRAINJOBS,
      namespace: 'fraud-ml',
      name: 'job-a',
    });
    expect(fetched.status).toEqual(status);

    // setStatus is the programmatic equivalent and is validated too.
    expect(() =>
      server.setStatus(
        {
          apiVersion: `${GROUP}/${VERSION}`,
          kind: 'TrainJob',
          namespace: 'fraud-ml',
          name: 'job-a',
        },
        { trainerStatus: { progressPercentage: 'half' } },
      ),
    ).toThrow(/status\.trainerStatus\.progressPercentage/);
  });

  it('rejects stale writes with 409 Conflict', async () => {
    const stored = server.apply(trainJob('job-a'));
    server.apply({
      ...trainJob('job-a'),
      spec: { ...trainJob('job-a').spec, suspend: true },
    });
    await expect(
      custom.replaceNamespacedCustomObject({
        ...TRAINJOBS,
        namespace: 'fraud-ml',
        name: 'job-a',
        body: { ...trainJob('job-a'), metadata: { ...stored.metadata } },
      }),
    ).rejects.toMatchObject({ code: 409 });
  });

  it('watches from a resourceVersion: changes after it, then live ones', async () => {
    server.apply(trainJob('job-a'));
    const list: any = await custom.listNamespacedCustomObject({
      ...TRAINJOBS,
      namespace: 'fraud-ml',
    });
    server.apply(trainJob('job-b'));
    const watch = collect(
      server,
      `/apis/${GROUP}/${VERSION}/namespaces/fraud-ml/trainjobs`,
      { resourceVersion: list.metadata.resourceVersion },
      3,
    );
    await waitFor(() => watch.events.length === 1);
    server.setStatus(
      {
        apiVersion: `${GROUP}/${VERSION}`,
        kind: 'TrainJob',
        namespace: 'fraud-ml',
        name: 'job-a',
      },
      {
        jobsStatus: [
          {
            name: 'node',
            active: 1,
            ready: 1,
            succeeded: 0,
            failed: 0,
            suspended: 0,
          },
        ],
      },
    );
    server.delete({
      apiVersion: `${GROUP}/${VERSION}`,
      kind: 'TrainJob',
      namespace: 'fraud-ml',
      name: 'job-b',
    });
    await watch.done;
    watch.abort();
    expect(watch.events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'job-b'],
      ['MODIFIED', 'job-a'],
      ['DELETED', 'job-b'],
    ]);
    const versions = watch.events.map(e =>
      Number(e.object.metadata.resourceVersion),
    );
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('starts a watch without a version with the current objects, and filters by label', async () => {
    server.apply(
      trainJob('job-a', 'fraud-ml', {
        'backstage.io/kubernetes-id': 'fraud-detector',
      }),
    );
    server.apply(
      trainJob('job-b', 'fraud-ml', { 'backstage.io/kubernetes-id': 'other' }),
    );
    const watch = collect(
      server,
      `/apis/${GROUP}/${VERSION}/trainjobs`,
      { labelSelector: 'backstage.io/kubernetes-id=fraud-detector' },
      2,
    );
    await waitFor(() => watch.events.length === 1);
    // Leaving the selector is a DELETED event for this watch.
    server.apply(
      trainJob('job-a', 'fraud-ml', { 'backstage.io/kubernetes-id': 'moved' }),
    );
    await watch.done;
    watch.abort();
    expect(watch.events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'job-a'],
      ['DELETED', 'job-a'],
    ]);
  });

  it('sends bookmarks to watches that allow them', async () => {
    server.apply(trainJob('job-a'));
    const watch = collect(
      server,
      `/apis/${GROUP}/${VERSION}/trainjobs`,
      { allowWatchBookmarks: true, resourceVersion: '1' },
      1,
    );
    await waitFor(() =>
      server.requestLog.some(r => r.query.includes('watch=true')),
    );
    await new Promise(r => setTimeout(r, 20));
    server.sendBookmarks();
    await watch.done;
    watch.abort();
    expect(watch.events).toEqual([
      {
        type: 'BOOKMARK',
        object: {
          kind: 'TrainJob',
          apiVersion: `${GROUP}/${VERSION}`,
          metadata: { resourceVersion: '1' },
        },
      },
    ]);
  });

  it('answers 410 Gone to a watch or a list continuation older than a compaction', async () => {
    server.apply(trainJob('job-a'));
    server.apply(trainJob('job-b'));
    const page: any = await custom.listNamespacedCustomObject({
      ...TRAINJOBS,
      namespace: 'fraud-ml',
      limit: 1,
    });
    server.apply(trainJob('job-c'));
    server.compact();
    const watch = collect(
      server,
      `/apis/${GROUP}/${VERSION}/trainjobs`,
      { resourceVersion: page.metadata.resourceVersion },
      1,
    );
    await watch.done;
    expect(watch.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: `too old resource version: ${page.metadata.resourceVersion} (3)`,
        }),
      },
    ]);
    await expect(
      custom.listNamespacedCustomObject({
        ...TRAINJOBS,
        namespace: 'fraud-ml',
        limit: 1,
        _continue: page.metadata.continue,
      }),
    ).rejects.toMatchObject({ code: 410 });
    // A watch from the current version works again.
    const fresh = collect(
      server,
      `/apis/${GROUP}/${VERSION}/trainjobs`,
      { resourceVersion: '3' },
      1,
    );
    server.apply(trainJob('job-d'));
    await fresh.done;
    fresh.abort();
    expect(fresh.events[0].type).toBe('ADDED');
  });

  it('drops open watch connections mid-stream', async () => {
    const watch = collect(
      server,
      `/apis/${GROUP}/${VERSION}/trainjobs`,
      { resourceVersion: '0' },
      10,
    );
    await waitFor(() =>
      server.requestLog.some(r => r.query.includes('watch=true')),
    );
    await new Promise(r => setTimeout(r, 20));
    server.dropWatches();
    const result = await watch.done;
    expect(result).toBeTruthy(); // the client sees an error, not a clean end
  });

  it('injects faults by path, and hangs until the client gives up', async () => {
    server.setFault({ status: 503, path: /\/trainjobs$/ });
    await expect(
      custom.listClusterCustomObject({ ...TRAINJOBS }),
    ).rejects.toMatchObject({ code: 503 });
    await expect(core.listPodForAllNamespaces()).resolves.toBeDefined();
    server.setFault({ hang: true });
    await expect(
      fetch(`${server.url}/api/v1/pods`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    server.setFault(undefined);
    await expect(core.listPodForAllNamespaces()).resolves.toBeDefined();
    expect(
      server.requestLog.filter(r => r.path === '/api/v1/pods'),
    ).toHaveLength(3);
  });

  it('serves pod logs with container, tailLines and follow', async () => {
    server.apply(pod('worker-0'));
    server.apply(pod('multi', ['node', 'sidecar']));
    server.setPodLogs(
      'fraud-ml',
      'worker-0',
      'node',
      'line 1\nline 2\nline 3\n',
    );
    await expect(
      core.readNamespacedPodLog({
        namespace: 'fraud-ml',
        name: 'worker-0',
        tailLines: 2,
      }),
    ).resolves.toBe('line 2\nline 3\n');
    await expect(
      core.readNamespacedPodLog({ namespace: 'fraud-ml', name: 'multi' }),
    ).rejects.toMatchObject({ code: 400 });
    await expect(
      core.readNamespacedPodLog({ namespace: 'fraud-ml', name: 'nope' }),
    ).rejects.toMatchObject({ code: 404 });

    const stream = new PassThrough();
    let received = '';
    stream.on('data', chunk => {
      received += chunk.toString();
    });
    const controller = await new Log(kubeConfigFor(server.url)).log(
      'fraud-ml',
      'worker-0',
      'node',
      stream,
      { follow: true, tailLines: 1 },
    );
    await waitFor(() => received === 'line 3\n');
    server.appendPodLogs('fraud-ml', 'worker-0', 'node', 'line 4\n');
    await waitFor(() => received === 'line 3\nline 4\n');
    server.endPodLogs('fraud-ml', 'worker-0', 'node');
    await waitFor(() => stream.writableEnded);
    controller.abort();
  });

  it('lists events by field selector', async () => {
    for (const [name, kind] of [
      ['a', 'Pod'],
      ['b', 'TrainJob'],
    ]) {
      server.apply({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `event-${name}`, namespace: 'fraud-ml' },
        involvedObject: { kind, name: 'job-a', namespace: 'fraud-ml' },
        reason: 'Started',
      } as any);
    }
    const events = await core.listNamespacedEvent({
      namespace: 'fraud-ml',
      fieldSelector: 'involvedObject.name=job-a,involvedObject.kind=Pod',
    });
    expect(events.items.map(e => e.metadata.name)).toEqual(['event-a']);
  });

  it('serves cluster-scoped runtimes and deletes trainjobs over HTTP', async () => {
    server.apply({
      apiVersion: `${GROUP}/${VERSION}`,
      kind: 'ClusterTrainingRuntime',
      metadata: { name: 'torch-distributed', namespace: 'ignored' },
      spec: { mlPolicy: { numNodes: 1, torch: {} } },
    });
    const runtime: any = await custom.getClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: 'clustertrainingruntimes',
      name: 'torch-distributed',
    });
    expect(runtime.metadata.namespace).toBeUndefined();
    server.apply(trainJob('job-a'));
    await custom.deleteNamespacedCustomObject({
      ...TRAINJOBS,
      namespace: 'fraud-ml',
      name: 'job-a',
    });
    expect(
      server.get({
        apiVersion: `${GROUP}/${VERSION}`,
        kind: 'TrainJob',
        namespace: 'fraud-ml',
        name: 'job-a',
      }),
    ).toBeUndefined();
  });

  it('rejects objects of kinds it does not serve and invalid names', () => {
    expect(() =>
      server.apply({
        apiVersion: 'example.io/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
      }),
    ).toThrow(/no matches for kind "Widget" in version "example.io\/v1"/);
    expect(() => server.apply(trainJob('Not_A_Name'))).toThrow(
      /metadata\.name: Invalid value: "Not_A_Name"/,
    );
  });
});
