import { test, expect, type APIRequestContext } from '@playwright/test';

// The Kubernetes backend of the running portal, configured by app-config.yaml
// exactly as users get it, against the demo cluster. It runs here rather
// than in Jest because the plugin loads @kubernetes/client-node by dynamic
// import, which Jest's module sandbox does not support.

const BACKEND = process.env.BACKEND_URL ?? 'http://localhost:7007';

type FetchResponse = { type: string; resources: any[] };
type ObjectsByEntity = {
  items: {
    cluster: { name: string };
    resources: FetchResponse[];
    errors: unknown[];
  }[];
};

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

/** The Kubernetes objects of a catalog entity, once the catalog has it. */
async function objectsOf(
  request: APIRequestContext,
  kind: string,
  name: string,
): Promise<ObjectsByEntity> {
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  let entity: unknown;
  await expect(async () => {
    const response = await request.get(
      `${BACKEND}/api/catalog/entities/by-name/${kind}/default/${name}`,
      { headers },
    );
    expect(response.status()).toBe(200);
    entity = await response.json();
  }).toPass({ timeout: 120_000 });
  const response = await request.post(
    `${BACKEND}/api/kubernetes/services/${name}`,
    { headers, data: { entity } },
  );
  expect(response.status()).toBe(200);
  return response.json();
}

function resourcesOf(objects: ObjectsByEntity, type: string) {
  expect(objects.items.map(item => item.cluster.name)).toEqual([
    'sovereign-fr',
  ]);
  expect(objects.items[0].errors).toEqual([]);
  return objects.items[0].resources
    .filter(r => r.type === type)
    .flatMap(r => r.resources);
}

test('the Kubernetes backend returns a TrainingJob’s TrainJob and its pods', async ({
  request,
}) => {
  const objects = await objectsOf(
    request,
    'trainingjob',
    'sovereign-fr-fraud-ml-fraud-detector-train-0419',
  );
  const trainJobs = resourcesOf(objects, 'customresources');
  expect(trainJobs.map(t => `${t.kind}/${t.metadata.name}`)).toContain(
    'TrainJob/fraud-detector-train-0419',
  );
  const pods = resourcesOf(objects, 'pods').filter(
    p =>
      p.metadata.labels['jobset.sigs.k8s.io/jobset-name'] ===
      'fraud-detector-train-0419',
  );
  expect(pods.length).toBeGreaterThan(0);
  for (const pod of pods) {
    expect(pod.metadata.namespace).toBe('fraud-ml');
    expect(pod.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'fraud-detector',
    );
  }
});

test('the Kubernetes backend returns every TrainJob of a training project, with pods', async ({
  request,
}) => {
  const objects = await objectsOf(request, 'component', 'fraud-detector');
  const names = resourcesOf(objects, 'customresources').map(
    t => t.metadata.name,
  );
  expect(names).toEqual(
    expect.arrayContaining([
      'fraud-detector-train-0412',
      'fraud-detector-train-0417',
      'fraud-detector-train-0419',
    ]),
  );
  expect(names).not.toContain('chargeback-train-0405');
  expect(resourcesOf(objects, 'pods').length).toBeGreaterThan(0);
});
