import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  RELATION_CONSUMES_FEATURES,
  RELATION_FEATURES_CONSUMED_BY,
  RELATION_READ_BY,
  RELATION_READS_FROM,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root, where the demo data of `yarn start` lives. */
export const repoRoot = join(
  resolvePackagePath(
    '@sovereign-ai/backstage-plugin-scaffolder-backend-module-mlops',
  ),
  '..',
  '..',
);

/** The sovereignty policy of the demo (`mlops.sovereignty`). */
export const demoPolicyConfig = {
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

/** The demo's in-cluster Feast connection (`mlops.scaffolder.feast`). */
export const demoFeastConfig = {
  demo: {
    projects: ['fraud_detection'],
    registry: 'feast-registry.feast.svc.cluster.local:6570',
    offlineStore: { host: 'feast-offline.feast.svc.cluster.local', port: 8815 },
    auth: 'kubernetes',
  },
};

/** Root config of the demo as far as this module reads it. */
export const demoConfig = {
  mlops: {
    sovereignty: demoPolicyConfig,
    scaffolder: { feast: demoFeastConfig },
  },
  integrations: {
    gitlab: [
      {
        host: 'gitlab.sovereign.internal',
        apiBaseUrl: 'https://gitlab.sovereign.internal/api/v4',
        token: 'gitlab-token',
      },
    ],
    gitea: [{ host: 'gitea.sovereign.internal', password: 'gitea-token' }],
    github: [
      {
        host: 'github.sovereign.internal',
        apiBaseUrl: 'https://github.sovereign.internal/api/v3',
        token: 'github-token',
      },
    ],
  },
};

/**
 * The demo catalog (`examples/fraud-detection-*.yaml`) with the lineage
 * relations the mlops catalog module derives from the spec fields
 * (FeatureService `spec.features[].featureView` → `consumesFeatures`,
 * FeatureView `spec.sources` → `readsFrom`, and their reverses), as the
 * catalog would serve them.
 */
export function loadDemoEntities(): Entity[] {
  const entities: Entity[] = [
    'fraud-detection-features.yaml',
    'fraud-detection-training.yaml',
  ]
    .flatMap(file =>
      parseAllDocuments(readFileSync(join(repoRoot, 'examples', file), 'utf8')),
    )
    .map(doc => doc.toJS())
    .filter(Boolean)
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
      relations: [],
    }));
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const relate = (
    from: Entity,
    type: string,
    reverse: string,
    target: string,
    defaultKind: string,
  ) => {
    const targetRef = stringifyEntityRef(
      parseEntityRef(target, { defaultKind, defaultNamespace: 'default' }),
    );
    from.relations!.push({ type, targetRef });
    byRef.get(targetRef)?.relations!.push({
      type: reverse,
      targetRef: stringifyEntityRef(from),
    });
  };
  for (const entity of entities) {
    const spec = entity.spec as any;
    if (entity.kind === 'FeatureService') {
      for (const projection of spec.features ?? []) {
        relate(
          entity,
          RELATION_CONSUMES_FEATURES,
          RELATION_FEATURES_CONSUMED_BY,
          projection.featureView,
          'FeatureView',
        );
      }
    }
    if (entity.kind === 'FeatureView') {
      for (const source of spec.sources ?? []) {
        relate(
          entity,
          RELATION_READS_FROM,
          RELATION_READ_BY,
          source,
          'Resource',
        );
      }
    }
  }
  return entities;
}

/** A digest-pinned trainer image from the internal registry. */
export const INTERNAL_IMAGE =
  'registry.sovereign.internal/ml/pytorch-trainer@sha256:3f5c2a9e8b7d6c4f1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a';
