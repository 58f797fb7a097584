import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { ComplianceCheck, ComplianceResult } from '../ComplianceResult';
import { evaluateCompliance } from '../evaluateCompliance';
import {
  readSovereigntyPolicy,
  type SovereigntyPolicy,
} from '../SovereigntyPolicy';

const ML = 'sovereign-ai.io/v1alpha1';

/** An internal image pinned by digest. */
export const INTERNAL_IMAGE =
  'registry.sovereign.internal/ml/trainer@sha256:3f5c2a9e8b7d6c4f1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a';

/** Annotations of an asset in `jurisdiction` with `classification`. */
export function placed(
  jurisdiction: string | undefined,
  classification: string | undefined,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...(jurisdiction ? { 'sovereign-ai.io/jurisdiction': jurisdiction } : {}),
    ...(classification
      ? { 'sovereign-ai.io/data-classification': classification }
      : {}),
    ...extra,
  };
}

/** A dataset Resource. */
export function dataset(
  name: string,
  annotations: Record<string, string>,
  spec: JsonObject = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, title: name, annotations },
    spec: { type: 'dataset', owner: 'group:default/data-office', ...spec },
  };
}

/** A FeatureView reading from `sources`. */
export function featureView(
  name: string,
  annotations: Record<string, string>,
  sources: string[],
): Entity {
  return {
    apiVersion: ML,
    kind: 'FeatureView',
    metadata: { name, title: name, annotations },
    spec: {
      type: 'batch',
      owner: 'group:default/data-office',
      features: [],
      sources,
    },
  };
}

/** A FeatureService over `views`. */
export function featureService(
  name: string,
  annotations: Record<string, string>,
  views: string[],
): Entity {
  return {
    apiVersion: ML,
    kind: 'FeatureService',
    metadata: { name, title: name, annotations },
    spec: {
      owner: 'group:default/data-office',
      features: views.map(ref => ({ featureView: ref, features: [] })),
    },
  };
}

/** A TrainingJob on `cluster`; `spec` is merged over a compliant trainer. */
export function trainingJob(
  name: string,
  spec: JsonObject = {},
  annotations: Record<string, string> = placed('eu-fr', 'restricted'),
): Entity {
  return {
    apiVersion: ML,
    kind: 'TrainingJob',
    metadata: { name, title: name, annotations },
    spec: {
      owner: 'group:default/fraud-ml',
      cluster: 'sovereign-fr',
      namespace: 'fraud-ml',
      trainer: { image: INTERNAL_IMAGE },
      ...spec,
    },
  };
}

/** A Model with `versions`. */
export function model(
  name: string,
  versions: JsonObject[],
  annotations: Record<string, string> = placed('eu-fr', 'confidential'),
): Entity {
  return {
    apiVersion: ML,
    kind: 'Model',
    metadata: { name, title: name, annotations },
    spec: { owner: 'group:default/fraud-ml', versions },
  };
}

/** A training-runtime Resource listing `images`. */
export function runtime(name: string, images?: unknown): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, title: name, annotations: placed('eu-fr', 'internal') },
    spec: {
      type: 'training-runtime',
      owner: 'group:default/ml-platform',
      ...(images !== undefined ? { images: images as string[] } : {}),
    },
  };
}

/** The `mlops.sovereignty` block of the demo (app-config.yaml). */
export const DEMO_SOVEREIGNTY_CONFIG = {
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
  forbiddenSources: ['hf://', 'https://huggingface.co/', 'docker.io/'],
  classificationRules: [
    { classification: 'restricted', sameJurisdictionOnly: true },
  ],
};

/** A policy read from a `mlops.sovereignty` block (the demo's by default). */
export function policyOf(
  sovereignty: JsonObject = DEMO_SOVEREIGNTY_CONFIG,
): SovereigntyPolicy {
  return readSovereigntyPolicy(new ConfigReader({ mlops: { sovereignty } }));
}

/** The result of one check. */
export function resultOf(
  check: ComplianceCheck,
  entity: Entity,
  context: { upstream?: Entity[]; downstream?: Entity[] } = {},
  policy: SovereigntyPolicy = policyOf(),
): ComplianceResult | undefined {
  return evaluateCompliance(
    entity,
    { upstream: context.upstream ?? [], downstream: context.downstream ?? [] },
    policy,
  ).find(r => r.check === check);
}
