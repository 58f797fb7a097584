import { createMockDirectory } from '@backstage/backend-test-utils';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { INTERNAL_IMAGE } from './__testUtils__/demoCatalog';
import {
  loadTemplate,
  startScaffolder,
  type DryRunResponse,
} from './__testUtils__/dryRunTemplate';
import { TrainJobSchemaValidator } from './lib/TrainJobSchemaValidator';

const run = promisify(execFile);
jest.setTimeout(60_000);

const V1 = 'featureservice:default/fraud_detection-fraud_scoring_v1';
const V2 = 'featureservice:default/fraud_detection-fraud_scoring_v2';

/** A complete, compliant set of form values (the demo story). */
const base = {
  name: 'fraud-detector',
  description: 'Scores each card payment for fraud in real time',
  owner: 'group:default/fraud-ml',
  system: 'system:default/fraud-detection',
  featureService: V1,
  trainingEntitiesUri: 's3://fraud-data-fr/labels/fraud-detector/',
  runtime: 'resource:default/sovereign-fr-torch-distributed',
  trainerVersion: 'v2.3',
  namespace: 'fraud-ml',
  numNodes: 2,
  gpusPerNode: 1,
  cpuPerNode: 8,
  memoryPerNodeGi: 32,
  jurisdiction: 'eu-fr',
  imageRegistry: 'registry.sovereign.internal/ml',
  trainerImage: INTERNAL_IMAGE.replace('registry.sovereign.internal/ml/', ''),
  modelStorage: 's3://models-fr',
  pythonIndexUrl: 'https://pypi.sovereign.internal/simple',
  objectStoreEndpoint: 'https://s3.sovereign.internal',
  modelRegistryUrl:
    'http://model-registry-service.kubeflow.svc.cluster.local:8080',
  repoUrl: 'gitlab.sovereign.internal?owner=fraud-ml&repo=fraud-detector',
};

const COMMON_FILES = [
  'README.md',
  'catalog-info.yaml',
  'docs/index.md',
  'docs/training.md',
  'feature_store.yaml',
  'kustomization.yaml',
  'manifests/trainjob.yaml',
  'mkdocs.yml',
  'requirements.txt',
  'train.py',
];

const INPUT_SETS = [
  {
    title: 'Trainer v2.3 on GitLab, 2 GPU nodes',
    values: base,
    ci: '.gitlab-ci.yml',
  },
  {
    title: 'Trainer v2.1 (OpenShift AI) on Gitea, 4 CPU nodes',
    values: {
      ...base,
      name: 'chargeback-predictor',
      trainerVersion: 'v2.1',
      numNodes: 4,
      gpusPerNode: 0,
      cpuPerNode: 16,
      memoryPerNodeGi: 64,
      repoUrl:
        'gitea.sovereign.internal?owner=fraud-ml&repo=chargeback-predictor',
    },
    ci: '.github/workflows/ci.yaml',
  },
  {
    title:
      'Trainer v2.3 on GitHub Enterprise, 8 GPUs, a description full of YAML syntax',
    values: {
      ...base,
      name: 'fraud-detector-xl',
      gpusPerNode: 8,
      numNodes: 16,
      description:
        'fraud: "v2" # not a comment - [a, b] & *alias !!python/object \' | > @ ` %',
      repoUrl:
        'github.sovereign.internal?owner=fraud-ml&repo=fraud-detector-xl',
    },
    ci: '.github/workflows/ci.yaml',
  },
];

function expectRendered(result: DryRunResponse) {
  if (result.status !== 200) {
    throw new Error(`dry-run failed: ${JSON.stringify(result.body)}`);
  }
}

describe('templates/sovereign-training-project', () => {
  let dryRun: Awaited<ReturnType<typeof startScaffolder>>['dryRun'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const started = await startScaffolder();
    dryRun = started.dryRun;
    stop = () => started.backend.stop();
  });

  afterAll(() => stop());

  it('is a valid Template entity', async () => {
    await expect(
      templateEntityV1beta3Validator.check(loadTemplate()),
    ).resolves.toBe(true);
  });

  describe.each(INPUT_SETS)('$title', ({ values, ci }) => {
    let result: DryRunResponse;

    beforeAll(async () => {
      result = await dryRun(values);
    });

    it('renders the project files, with one CI pipeline', () => {
      expectRendered(result);
      expect([...result.files.keys()].sort()).toEqual(
        [...COMMON_FILES, ci].sort(),
      );
    });

    it('renders a TrainJob that validates against the CRD of its Trainer version, with the join keys', () => {
      expectRendered(result);
      const job = parse(result.files.get('manifests/trainjob.yaml')!);
      const version = values.trainerVersion as 'v2.3' | 'v2.1';
      const other = version === 'v2.3' ? 'v2.1' : 'v2.3';
      expect(TrainJobSchemaValidator.forVersion(version).validate(job)).toEqual(
        [],
      );
      // The version-specific pod template mechanism is the only difference:
      // without it the manifest is valid for both releases.
      expect(
        TrainJobSchemaValidator.forVersion(other).validate(job),
      ).not.toEqual([]);
      const {
        runtimePatches,
        podTemplateOverrides,
        labels,
        annotations,
        ...common
      } = job.spec;
      expect(
        TrainJobSchemaValidator.forVersion(other).validate({
          ...job,
          spec: common,
        }),
      ).toEqual([]);

      expect(job.metadata).toMatchObject({
        name: `${values.name}-train`,
        namespace: 'fraud-ml',
        labels: { 'backstage.io/kubernetes-id': values.name },
        annotations: {
          'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v1',
          'sovereign-ai.io/model': values.name,
          'sovereign-ai.io/jurisdiction': 'eu-fr',
        },
      });
      expect(job.spec.runtimeRef).toEqual({
        apiGroup: 'trainer.kubeflow.org',
        kind: 'ClusterTrainingRuntime',
        name: 'torch-distributed',
      });
      expect(job.spec.trainer).toMatchObject({
        image: INTERNAL_IMAGE,
        numNodes: values.numNodes,
        numProcPerNode: Math.max(1, values.gpusPerNode),
      });
      expect(job.spec.trainer.resourcesPerNode.limits['nvidia.com/gpu']).toBe(
        values.gpusPerNode ? String(values.gpusPerNode) : undefined,
      );
      const podLabels =
        version === 'v2.1'
          ? job.spec.podTemplateOverrides[0].metadata.labels
          : job.spec.runtimePatches[0].trainingRuntimeSpec.template.spec
              .replicatedJobs[0].template.spec.template.metadata.labels;
      expect(podLabels).toEqual({ 'backstage.io/kubernetes-id': values.name });
    });

    it('renders Python that compiles', async () => {
      expectRendered(result);
      const dir = createMockDirectory();
      const pythonFiles = [...result.files.keys()].filter(p =>
        p.endsWith('.py'),
      );
      expect(pythonFiles).toEqual(['train.py']);
      dir.setContent(Object.fromEntries(result.files));
      for (const file of pythonFiles) {
        await expect(
          run('python3', ['-m', 'py_compile', dir.resolve(file)]),
        ).resolves.toBeDefined();
      }
      const train = result.files.get('train.py')!;
      expect(train).toContain(
        'store.get_historical_features(entity_df=entity_rows, features=service)',
      );
      expect(train).toContain('FEATURE_SERVICE = "fraud_scoring_v1"');
      expect(train).toContain(
        `MODEL_DESCRIPTION = ${JSON.stringify(values.description)}`,
      );
    });

    it('renders a Feast client config on the organisation registry and offline store', () => {
      expectRendered(result);
      expect(parse(result.files.get('feature_store.yaml')!)).toEqual({
        project: 'fraud_detection',
        provider: 'local',
        registry: {
          registry_type: 'remote',
          path: 'feast-registry.feast.svc.cluster.local:6570',
        },
        offline_store: {
          type: 'remote',
          host: 'feast-offline.feast.svc.cluster.local',
          port: 8815,
          scheme: 'grpc',
        },
        auth: { type: 'kubernetes' },
        entity_key_serialization_version: 3,
      });
    });

    it('renders a catalog-info.yaml whose Component depends on the FeatureService, description kept verbatim', () => {
      expectRendered(result);
      const component = parse(result.files.get('catalog-info.yaml')!);
      expect(component).toMatchObject({
        kind: 'Component',
        metadata: {
          name: values.name,
          description: values.description,
          annotations: {
            'backstage.io/kubernetes-id': values.name,
            'backstage.io/techdocs-ref': 'dir:.',
          },
        },
        spec: {
          type: 'training-project',
          owner: 'group:default/fraud-ml',
          dependsOn: [V1, 'resource:default/sovereign-fr-torch-distributed'],
        },
      });
      expect(parse(result.files.get('mkdocs.yml')!).site_description).toBe(
        values.description,
      );
      const rendered = result.files;
      for (const file of ['kustomization.yaml', ci]) {
        expect(() => parse(rendered.get(file)!)).not.toThrow();
      }
    });

    it('pins every requirement and installs from the internal index', () => {
      expectRendered(result);
      const requirements = result.files
        .get('requirements.txt')!
        .split('\n')
        .filter(l => l.trim() && !l.startsWith('#'));
      expect(
        requirements.every(l => /^[a-z0-9_.-]+(\[[a-z,]+\])?==[\w.]+$/.test(l)),
      ).toBe(true);
      expect(result.files.get('manifests/trainjob.yaml')).toContain(
        '--index-url "$PIP_INDEX_URL"',
      );
    });

    it('reports the policy result on the result page', () => {
      expectRendered(result);
      const [policy] = result.body.output.text;
      expect(policy.title).toBe('Sovereignty policy');
      for (const check of [
        'residency',
        'air-gap',
        'autonomy',
        'classification',
      ]) {
        expect(policy.content).toContain(`| ${check} | ✅ pass |`);
      }
      expect(policy.content).not.toMatch(/fail|unknown/);
    });
  });

  describe('blocks non-compliant choices, naming the rule', () => {
    it.each([
      [
        'a FeatureService that reads German data',
        { featureService: V2 },
        /\[residency\][^;]*merchant_risk/,
      ],
      [
        'a public image registry',
        {
          imageRegistry: 'docker.io/pytorch',
          trainerImage: 'pytorch:2.4.0-cuda12.1-cudnn9-runtime',
        },
        /\[air-gap\][^;]*docker\.io/,
      ],
      [
        'an image not pinned by digest',
        { trainerImage: 'pytorch-trainer:2.4.0' },
        /\[air-gap\][^;]*digest/,
      ],
      [
        'an hf:// dataset',
        { trainingEntitiesUri: 'hf://datasets/acme/card-fraud' },
        /\[air-gap\][^;]*hf:\/\//,
      ],
      [
        'a jurisdiction that does not match the cluster and the data',
        { jurisdiction: 'eu-de' },
        /\[residency\][^;]*eu-fr/,
      ],
      [
        'model storage outside the organisation',
        { modelStorage: 's3://public-bucket' },
        /\[autonomy\][^;]*public-bucket/,
      ],
      [
        'a public Git host',
        { repoUrl: 'github.com?owner=fraud-ml&repo=fraud-detector' },
        /\[autonomy\][^;]*github\.com/,
      ],
    ])('%s', async (_title, override, message) => {
      const result = await dryRun({ ...base, ...override });
      expect(result.status).toBe(400);
      expect(result.body.error.message).toMatch(
        /violates the sovereignty policy/,
      );
      expect(result.body.error.message).toMatch(message);
    });
  });

  describe('rejects hostile input in the form', () => {
    it.each([
      [
        'a template expression in the description',
        { description: 'x ${{ parameters.repoUrl }}' },
        'description',
      ],
      [
        'a Nunjucks tag in the description',
        { description: '{% include "/etc/passwd" %}' },
        'description',
      ],
      [
        'a newline (YAML injection) in the description',
        { description: 'ok\nspec:\n  owner: evil' },
        'description',
      ],
      ['path traversal in the name', { name: '../../etc' }, 'name'],
      ['upper case in the name', { name: 'FraudDetector' }, 'name'],
      [
        'a name too long for a TrainJob',
        { name: `a${'b'.repeat(45)}` },
        'name',
      ],
      [
        'a namespace with a slash',
        { namespace: 'fraud-ml/../kube-system' },
        'namespace',
      ],
      ['more nodes than allowed', { numNodes: 64 }, 'numNodes'],
      [
        'a quote in the dataset URI',
        { trainingEntitiesUri: 's3://a/b"\nevil: 1' },
        'trainingEntitiesUri',
      ],
    ])('%s', async (_title, override, field) => {
      const result = await dryRun({ ...base, ...override });
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.body.errors)).toContain(field);
    });
  });
});
