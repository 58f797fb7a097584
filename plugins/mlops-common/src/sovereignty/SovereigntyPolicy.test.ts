import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_REQUIRED_ANNOTATIONS,
  readSovereigntyPolicy,
} from './SovereigntyPolicy';
import { DEMO_SOVEREIGNTY_CONFIG } from './__testUtils__/builders';

const read = (sovereignty: unknown) =>
  readSovereigntyPolicy(new ConfigReader({ mlops: { sovereignty } } as any));

describe('readSovereigntyPolicy', () => {
  const empty = {
    jurisdictions: {},
    allowedImageRegistries: [],
    requireImageDigest: false,
    allowedStorage: { schemes: [], hosts: [], buckets: [] },
    forbiddenSources: [],
    requiredAnnotations: [
      'sovereign-ai.io/jurisdiction',
      'sovereign-ai.io/data-classification',
    ],
    classificationRules: [],
  };

  it('gives the documented defaults without a config or a block', () => {
    expect(readSovereigntyPolicy(undefined)).toEqual(empty);
    expect(readSovereigntyPolicy(new ConfigReader({}))).toEqual(empty);
    expect(
      readSovereigntyPolicy(new ConfigReader({ mlops: { other: 1 } })),
    ).toEqual(empty);
    expect(DEFAULT_REQUIRED_ANNOTATIONS).toEqual(empty.requiredAnnotations);
  });

  it('reads the demo policy', () => {
    expect(read(DEMO_SOVEREIGNTY_CONFIG)).toEqual({
      jurisdictions: {
        'eu-fr': {
          clusters: ['sovereign-fr'],
          regions: [],
          storageHosts: [],
          buckets: ['fraud-data-fr', 'models-fr'],
        },
        'eu-de': {
          clusters: [],
          regions: [],
          storageHosts: [],
          buckets: ['risk-data-de'],
        },
      },
      allowedImageRegistries: ['registry.sovereign.internal'],
      requireImageDigest: true,
      allowedStorage: { schemes: ['s3'], hosts: [], buckets: ['models-fr'] },
      forbiddenSources: ['hf://', 'https://huggingface.co/', 'docker.io/'],
      requiredAnnotations: empty.requiredAnnotations,
      classificationRules: [
        { classification: 'restricted', sameJurisdictionOnly: true },
      ],
    });
  });

  it('normalises registries, hosts, buckets and schemes', () => {
    const policy = read({
      jurisdictions: {
        'eu-fr': {
          storageHosts: ['MinIO.FR.internal'],
          buckets: ['Models-FR'],
          regions: ['eu-west-3'],
        },
      },
      allowedImageRegistries: [
        'Registry.Sovereign.Internal/ml/',
        'index.docker.io/library',
      ],
      allowedStorage: { schemes: ['S3', 'pvc'], hosts: ['*.fr.internal'] },
      requiredAnnotations: [],
    });
    expect(policy.jurisdictions['eu-fr']).toEqual({
      clusters: [],
      regions: ['eu-west-3'],
      storageHosts: ['minio.fr.internal'],
      buckets: ['models-fr'],
    });
    expect(policy.allowedImageRegistries).toEqual([
      'registry.sovereign.internal/ml',
      'docker.io/library',
    ]);
    expect(policy.allowedStorage).toEqual({
      schemes: ['s3', 'pvc'],
      hosts: ['*.fr.internal'],
      buckets: [],
    });
    expect(policy.requiredAnnotations).toEqual([]);
  });

  it.each([
    ['a string', 'yes', 'mlops.sovereignty must be an object'],
    [
      'an unknown option',
      { jurisdiction: {} },
      'mlops.sovereignty.jurisdiction is not a sovereignty policy option; mlops.sovereignty accepts jurisdictions, ',
    ],
    [
      'jurisdictions as a list',
      { jurisdictions: ['eu-fr'] },
      'mlops.sovereignty.jurisdictions must be an object mapping each jurisdiction name',
    ],
    [
      'a jurisdiction that is not an object',
      { jurisdictions: { 'eu-fr': 'sovereign-fr' } },
      'mlops.sovereignty.jurisdictions.eu-fr must be an object',
    ],
    [
      'clusters as a string',
      { jurisdictions: { 'eu-fr': { clusters: 'sovereign-fr' } } },
      'mlops.sovereignty.jurisdictions.eu-fr.clusters must be a list of cluster names',
    ],
    [
      'an empty cluster name',
      { jurisdictions: { 'eu-fr': { clusters: [''] } } },
      'mlops.sovereignty.jurisdictions.eu-fr.clusters must be a list of cluster names',
    ],
    [
      'a misspelt jurisdiction option',
      { jurisdictions: { 'eu-fr': { bucket: ['models-fr'] } } },
      'mlops.sovereignty.jurisdictions.eu-fr.bucket is not a sovereignty policy option; mlops.sovereignty.jurisdictions.eu-fr accepts clusters, regions, storageHosts, buckets',
    ],
    [
      'a bucket given as a URI',
      { jurisdictions: { 'eu-fr': { buckets: ['s3://models-fr'] } } },
      "mlops.sovereignty.jurisdictions.eu-fr.buckets[0] 's3://models-fr' must be a bucket name",
    ],
    [
      'a storage host with a scheme',
      { jurisdictions: { 'eu-fr': { storageHosts: ['https://minio'] } } },
      "mlops.sovereignty.jurisdictions.eu-fr.storageHosts[0] 'https://minio' must be a host name",
    ],
    [
      'a cluster in two jurisdictions',
      {
        jurisdictions: {
          'eu-fr': { clusters: ['sovereign-fr'] },
          'eu-de': { clusters: ['sovereign-fr'] },
        },
      },
      "mlops.sovereignty.jurisdictions.eu-de.clusters lists 'sovereign-fr', which mlops.sovereignty.jurisdictions.eu-fr.clusters already lists",
    ],
    [
      'a bucket in two jurisdictions',
      {
        jurisdictions: {
          'eu-fr': { buckets: ['shared'] },
          'eu-de': { buckets: ['shared'] },
        },
      },
      "mlops.sovereignty.jurisdictions.eu-de.buckets lists 'shared'",
    ],
    [
      'registries as a string',
      { allowedImageRegistries: 'registry.sovereign.internal' },
      'mlops.sovereignty.allowedImageRegistries must be a list of registry hosts or host/path prefixes',
    ],
    [
      'a registry with a scheme',
      { allowedImageRegistries: ['https://registry.sovereign.internal'] },
      "mlops.sovereignty.allowedImageRegistries[0] 'https://registry.sovereign.internal' must be a registry host or host/path prefix",
    ],
    [
      'a registry with a tag',
      { allowedImageRegistries: ['registry.sovereign.internal/ml:1'] },
      'mlops.sovereignty.allowedImageRegistries[0]',
    ],
    [
      'requireImageDigest as a string',
      { requireImageDigest: 'yes' },
      'mlops.sovereignty.requireImageDigest must be true or false',
    ],
    [
      'allowedStorage as a list',
      { allowedStorage: ['s3'] },
      'mlops.sovereignty.allowedStorage must be an object with schemes, hosts and/or buckets',
    ],
    [
      'a scheme with ://',
      { allowedStorage: { schemes: ['s3://'] } },
      "mlops.sovereignty.allowedStorage.schemes[0] 's3://' must be a URI scheme such as s3 or pvc, without ://",
    ],
    [
      'an unknown allowedStorage option',
      { allowedStorage: { prefixes: ['s3://x'] } },
      'mlops.sovereignty.allowedStorage.prefixes is not a sovereignty policy option',
    ],
    [
      'forbiddenSources with a number',
      { forbiddenSources: ['hf://', 3] },
      'mlops.sovereignty.forbiddenSources must be a list of URI or image prefixes',
    ],
    [
      'an annotation key with a space',
      { requiredAnnotations: ['sovereign-ai.io/ jurisdiction'] },
      "mlops.sovereignty.requiredAnnotations[0] 'sovereign-ai.io/ jurisdiction' must be an annotation key without spaces",
    ],
    [
      'rules as an object',
      { classificationRules: { restricted: true } },
      'mlops.sovereignty.classificationRules must be a list of rules',
    ],
    [
      'a rule without a classification',
      { classificationRules: [{ sameJurisdictionOnly: true }] },
      'mlops.sovereignty.classificationRules[0].classification must be a data classification',
    ],
    [
      'a rule that restricts nothing',
      { classificationRules: [{ classification: 'restricted' }] },
      'mlops.sovereignty.classificationRules[0] restricts nothing: set sameJurisdictionOnly: true and/or a non-empty allowedJurisdictions',
    ],
    [
      'sameJurisdictionOnly as a string',
      {
        classificationRules: [
          { classification: 'restricted', sameJurisdictionOnly: 'yes' },
        ],
      },
      'mlops.sovereignty.classificationRules[0].sameJurisdictionOnly must be true or false',
    ],
    [
      'a rule naming an undefined jurisdiction',
      {
        jurisdictions: { 'eu-fr': { clusters: ['sovereign-fr'] } },
        classificationRules: [
          { classification: 'restricted', allowedJurisdictions: ['eu-de'] },
        ],
      },
      "mlops.sovereignty.classificationRules[0].allowedJurisdictions[0] 'eu-de' is not a jurisdiction of mlops.sovereignty.jurisdictions",
    ],
    [
      'two rules for one classification',
      {
        classificationRules: [
          { classification: 'restricted', sameJurisdictionOnly: true },
          { classification: 'restricted', sameJurisdictionOnly: true },
        ],
      },
      "mlops.sovereignty.classificationRules[1].classification 'restricted' already has a rule",
    ],
  ])('rejects %s, naming the key', (_case, sovereignty, message) => {
    expect(() => read(sovereignty)).toThrow(message);
  });
});
