import {
  createServiceFactory,
  coreServices,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogModuleMlopsEntityModel from '@sovereign-ai/backstage-plugin-catalog-backend-module-mlops';
import {
  FakeKubernetesApiServer,
  FakeModelRegistryServer,
  seedDemoStory,
} from '@sovereign-ai/demo-cluster';
import request from 'supertest';
import { EXAMPLES_DIR } from './__testUtils__/demoEntities';
import { OpenApiResponseValidator } from './__testUtils__/OpenApiResponseValidator';
import mlopsPlugin from './index';

jest.setTimeout(180_000);

const TOKEN = 'demo-cluster-token';
const DS = 'resource:default/fraud_detection-transactions';
const TJ = 'trainingjob:default/sovereign-fr-fraud-ml';
const ALICE = mockCredentials.user('user:default/alice');
const GUEST = mockCredentials.user('user:default/guest');
const JOBS = '/api/mlops/trainjobs/sovereign-fr/fraud-ml';

/**
 * Permissions as the app's policy decides them for the demo: everything is
 * allowed, except managing TrainJobs, which only alice (fraud-ml, the owner
 * of the jobs) may do.
 */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory(): PermissionsService {
    return {
      async authorize(requests, { credentials }) {
        const user = (credentials.principal as { userEntityRef?: string })
          .userEntityRef;
        return requests.map(r => ({
          result:
            r.permission.name === 'mlops.trainjob.manage' &&
            user !== 'user:default/alice'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
    };
  },
});

describe('the mlops backend on the demo story', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let k8s: FakeKubernetesApiServer;
  let registry: FakeModelRegistryServer;
  let backend: TestBackend | undefined;
  let openApi: OpenApiResponseValidator;

  beforeEach(async () => {
    openApi = new OpenApiResponseValidator();
    k8s = await FakeKubernetesApiServer.start({ token: TOKEN });
    registry = await FakeModelRegistryServer.start();
    seedDemoStory(k8s, registry);
  });

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await k8s.close();
    await registry.close();
  });

  async function start(databaseId: TestDatabaseId) {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleMlopsEntityModel,
        mlopsPlugin,
        permissionsFactory,
        mockServices.database.factory({
          knex: await databases.init(databaseId),
        }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
              rules: [{ allow: ['System', 'Resource'] }],
              locations: [
                ['org.yaml', ['User', 'Group']],
                [
                  'fraud-detection-features.yaml',
                  ['FeatureView', 'FeatureService'],
                ],
                ['fraud-detection-training.yaml', ['TrainingJob', 'Model']],
              ].map(([file, kinds]) => ({
                type: 'file',
                target: `${EXAMPLES_DIR}/${file}`,
                rules: [{ allow: kinds }],
              })),
            },
            mlops: {
              clusters: [
                {
                  name: 'sovereign-fr',
                  url: k8s.url,
                  serviceAccountToken: TOKEN,
                },
              ],
              sovereignty: {
                jurisdictions: {
                  'eu-fr': {
                    clusters: ['sovereign-fr'],
                    buckets: ['fraud-data-fr', 'models-fr'],
                  },
                  'eu-de': { buckets: ['risk-data-de'] },
                },
                allowedImageRegistries: ['registry.sovereign.internal'],
                requireImageDigest: true,
                allowedStorage: { schemes: ['s3'], buckets: ['models-fr'] },
                forbiddenSources: ['hf://', 'docker.io/'],
              },
            },
          },
        }),
      ],
    });
    return request(backend.server);
  }

  /** Sends a request and checks the answer against the OpenAPI document. */
  async function call(
    api: request.Agent | ReturnType<typeof request>,
    method: 'get' | 'post' | 'delete',
    url: string,
    credentials = ALICE,
    accept?: string,
  ) {
    let req = (api as any)
      [method](url)
      .set(
        'Authorization',
        mockCredentials.user.header(credentials.principal.userEntityRef),
      );
    if (accept) req = req.set('Accept', accept);
    const response = await req;
    openApi.validate(
      method,
      url.split('?')[0].replace(/^\/api\/mlops/, ''),
      response,
    );
    return response;
  }

  async function eventually<T>(check: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise(r => setTimeout(r, 250));
      }
    }
  }

  it('has a validator that rejects answers not matching the document', () => {
    expect(() =>
      openApi.validate('get', '/lineage', {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: { root: 'x' },
      }),
    ).toThrow(/does not match the OpenAPI document/);
  });

  it.each(databases.eachSupportedId())(
    'answers lineage, impact, live status, logs, actions and compliance, on %s',
    async databaseId => {
      const api = await start(databaseId);

      // Lineage: from the transactions data source down to the models.
      const lineage = await eventually(async () => {
        const res = await call(
          api,
          'get',
          `/api/mlops/lineage?entityRef=${DS}&direction=downstream&depth=5`,
        );
        expect(res.status).toBe(200);
        expect(res.body.nodes.map((n: any) => n.ref)).toEqual(
          expect.arrayContaining([
            'model:default/fraud-detector',
            'model:default/chargeback-predictor',
          ]),
        );
        // The catalog stitches entities one by one: wait for the last edge.
        expect(res.body.edges).toContainEqual({
          from: `${TJ}-chargeback-train-0405`,
          to: DS,
          relation: 'readsFrom',
        });
        return res.body;
      });
      expect(lineage.root).toBe(DS);
      expect(
        lineage.nodes.find(
          (n: any) => n.ref === `${TJ}-fraud-detector-train-0419`,
        ),
      ).toMatchObject({
        kind: 'TrainingJob',
        title: 'fraud-detector-train-0419',
        owner: 'group:default/fraud-ml',
        phase: 'Running',
      });
      expect(lineage.edges).toContainEqual({
        from: `${TJ}-chargeback-train-0405`,
        to: DS,
        relation: 'readsFrom',
      });

      // Impact of the German data source: who to tell.
      const impact = await call(
        api,
        'get',
        '/api/mlops/impact?entityRef=resource:default/fraud_detection-merchant_risk',
      );
      expect(
        impact.body.owners.map((g: any) => [g.owner, g.entities.length]),
      ).toEqual([
        ['group:default/data-office', 2],
        ['group:default/fraud-ml', 3],
      ]);

      // Live status of the running job.
      const status = await call(
        api,
        'get',
        `${JOBS}/fraud-detector-train-0419`,
      );
      expect(status.body).toMatchObject({
        phase: 'Running',
        progress: { percentage: 60 },
      });

      // Logs of the succeeded job.
      const logs = await call(
        api,
        'get',
        `${JOBS}/fraud-detector-train-0412/logs?tailLines=2`,
      );
      expect(logs.status).toBe(200);
      expect(logs.headers['x-mlops-container']).toBe('node');
      expect(logs.text.trim().split('\n')).toHaveLength(2);

      // Actions: the owner may, a guest may not.
      const denied = await call(
        api,
        'post',
        `${JOBS}/fraud-detector-train-0419/suspend`,
        GUEST,
      );
      expect(denied.status).toBe(403);
      const suspended = await call(
        api,
        'post',
        `${JOBS}/fraud-detector-train-0419/suspend`,
      );
      expect(suspended.body).toEqual({
        entityRef: `${TJ}-fraud-detector-train-0419`,
        action: 'suspend',
        suspended: true,
      });
      expect(
        (await call(api, 'get', `${JOBS}/fraud-detector-train-0419`)).body
          .phase,
      ).toBe('Suspended');
      expect(
        (await call(api, 'post', `${JOBS}/fraud-detector-train-0419/resume`))
          .body.suspended,
      ).toBe(false);
      expect(
        (await call(api, 'delete', `${JOBS}/fraud-detector-train-0417`)).status,
      ).toBe(204);
      expect(
        (await call(api, 'get', `${JOBS}/fraud-detector-train-0417`)).status,
      ).toBe(404);

      // Compliance: the air-gap violation of the chargeback job.
      const compliance = await call(
        api,
        'get',
        `/api/mlops/compliance?entityRef=${TJ}-chargeback-train-0405`,
      );
      expect(compliance.body.status).toBe('fail');
      expect(compliance.body.results).toContainEqual(
        expect.objectContaining({ check: 'air-gap', status: 'fail' }),
      );
      const report = await call(
        api,
        'get',
        '/api/mlops/compliance/report?kind=TrainingJob&check=residency,air-gap',
      );
      expect(report.body.summary.entities).toBe(4);
      expect(
        report.body.entities.find(
          (e: any) => e.entityRef === `${TJ}-fraud-detector-train-0419`,
        ).results,
      ).toContainEqual(
        expect.objectContaining({ check: 'residency', status: 'fail' }),
      );
      const csv = await call(
        api,
        'get',
        '/api/mlops/compliance/report?kind=Model',
        ALICE,
        'text/csv',
      );
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.text.split('\r\n')[0]).toBe(
        'entityRef,kind,title,owner,system,entityStatus,check,status,reason,causedBy',
      );

      // Bad input and unknown objects, in the documented error shape.
      expect(
        (await call(api, 'get', `/api/mlops/lineage?entityRef=${DS}&depth=11`))
          .status,
      ).toBe(400);
      expect(
        (
          await call(
            api,
            'get',
            '/api/mlops/lineage?entityRef=resource:default/nope',
          )
        ).status,
      ).toBe(404);

      // Every documented operation was checked against a real answer.
      expect(openApi.uncovered()).toEqual([]);
    },
  );
});
