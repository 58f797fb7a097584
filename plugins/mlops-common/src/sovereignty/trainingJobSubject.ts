import type { Entity } from '@backstage/catalog-model';
import { isModelEntity, type TrainingJobEntityV1alpha1 } from '../kinds';
import type { ComplianceContext } from './ComplianceResult';
import {
  declaredJurisdiction,
  isDataAsset,
  normalizeRef,
  refOf,
  stringValue,
} from './entityFacts';
import type { Finding } from './findings';
import { clusterJurisdiction } from './resolveJurisdiction';
import type { SovereigntyPolicy } from './SovereigntyPolicy';
import type {
  LabelledValue,
  ModelArtifact,
  TrainingSubject,
} from './TrainingSubject';

type JobSpec = Partial<TrainingJobEntityV1alpha1['spec']>;

function jobJurisdiction(
  job: Entity,
  cluster: string | undefined,
  policy: SovereigntyPolicy,
): { jurisdiction?: string; findings: Finding[] } {
  const ref = refOf(job);
  if (Object.keys(policy.jurisdictions).length === 0) {
    return {
      findings: [
        {
          status: 'unknown',
          reason:
            'No jurisdictions are configured: set mlops.sovereignty.jurisdictions',
        },
      ],
    };
  }
  if (!cluster) {
    return {
      findings: [
        {
          status: 'unknown',
          reason: 'The job names no cluster (spec.cluster)',
          causedBy: ref,
        },
      ],
    };
  }
  const jurisdiction = clusterJurisdiction(cluster, policy);
  if (!jurisdiction) {
    return {
      findings: [
        {
          status: 'unknown',
          reason: `Cluster ${cluster} is in no jurisdiction: list it under mlops.sovereignty.jurisdictions.<name>.clusters`,
          causedBy: ref,
        },
      ],
    };
  }
  const declared = declaredJurisdiction(job);
  const findings: Finding[] =
    declared && declared !== jurisdiction
      ? [
          {
            status: 'fail',
            reason: `The job declares jurisdiction ${declared} but runs on cluster ${cluster}, in ${jurisdiction}`,
            causedBy: ref,
          },
        ]
      : [];
  return { jurisdiction, findings };
}

/**
 * The images a job runs: its own trainer and initializer images; when it
 * sets no trainer image, the images of its training runtime, which must
 * then be in the context.
 */
function jobImages(
  job: Entity,
  spec: JobSpec,
  context: ComplianceContext,
): { images: LabelledValue[]; findings: Finding[] } {
  const images: LabelledValue[] = [];
  const findings: Finding[] = [];
  const trainer = stringValue(spec.trainer?.image);
  if (trainer) {
    images.push({ label: 'trainer image', value: trainer });
  } else {
    const runtimeRef = normalizeRef(
      spec.runtime,
      'Resource',
      job.metadata.namespace,
    );
    const runtime = runtimeRef
      ? [...context.upstream, ...context.downstream].find(
          e => refOf(e) === runtimeRef,
        )
      : undefined;
    const runtimeImages = Array.isArray(runtime?.spec?.images)
      ? (runtime!.spec!.images as unknown[]).map(stringValue)
      : [];
    if (runtime && runtimeImages.length && runtimeImages.every(Boolean)) {
      for (const image of runtimeImages as string[]) {
        images.push({
          label: `image of runtime ${
            runtime.metadata.title ?? runtime.metadata.name
          }`,
          value: image,
        });
      }
    } else {
      findings.push({
        status: 'unknown',
        reason: runtimeRef
          ? `The job sets no trainer image, and the images of its runtime ${runtimeRef} are not known`
          : 'The job sets no trainer image and names no runtime (spec.runtime)',
        causedBy: runtimeRef ?? refOf(job),
      });
    }
  }
  for (const kind of ['dataset', 'model'] as const) {
    const image = stringValue(spec.initializers?.[kind]?.image);
    if (image) {
      images.push({ label: `${kind} initializer image`, value: image });
    }
  }
  return { images, findings };
}

/** The artifacts of the versions of downstream Models this job produced. */
function producedArtifacts(
  jobRef: string,
  context: ComplianceContext,
): ModelArtifact[] {
  const artifacts: ModelArtifact[] = [];
  for (const model of context.downstream) {
    if (!isModelEntity(model) || !Array.isArray(model.spec?.versions)) {
      continue;
    }
    for (const version of model.spec.versions) {
      const producedBy = normalizeRef(
        version?.producedBy,
        'TrainingJob',
        model.metadata.namespace,
      );
      if (producedBy === jobRef) {
        artifacts.push({
          label: `model ${
            model.metadata.title ?? model.metadata.name
          } version ${version.name}`,
          uri: stringValue(version.artifactUri),
          causedBy: refOf(model),
        });
      }
    }
  }
  return artifacts;
}

/**
 * What the training checks look at in a TrainingJob entity and its lineage
 * context. A model version the job produced is found through its
 * `producedBy`; a job that produced none yet writes no artifact to check.
 */
export function trainingJobSubject(
  job: Entity,
  context: ComplianceContext,
  policy: SovereigntyPolicy,
): TrainingSubject {
  const spec: JobSpec = job.spec ?? {};
  const ref = refOf(job);
  const cluster = stringValue(spec.cluster);
  const { jurisdiction, findings: jurisdictionFindings } = jobJurisdiction(
    job,
    cluster,
    policy,
  );
  const { images, findings: imageFindings } = jobImages(job, spec, context);

  const sourceUris: LabelledValue[] = [];
  const datasetUris: LabelledValue[] = [];
  const datasetUri = stringValue(spec.initializers?.dataset?.storageUri);
  if (datasetUri) {
    sourceUris.push({ label: 'dataset initializer', value: datasetUri });
    datasetUris.push({ label: 'dataset initializer', value: datasetUri });
  }
  const modelUri = stringValue(spec.initializers?.model?.storageUri);
  if (modelUri) {
    sourceUris.push({ label: 'model initializer', value: modelUri });
  }

  const upstreamRefs = new Set(context.upstream.map(refOf));
  const namespace = job.metadata.namespace;
  const declaredUpstream = [
    ...(Array.isArray(spec.datasets) ? spec.datasets : []).map(r =>
      normalizeRef(r, 'Resource', namespace),
    ),
    ...(Array.isArray(spec.featureServices) ? spec.featureServices : []).map(
      r => normalizeRef(r, 'FeatureService', namespace),
    ),
  ].filter((r): r is string => Boolean(r));

  return {
    ref,
    runsIn: cluster ? `cluster ${cluster}` : 'the job',
    jurisdiction,
    jurisdictionFindings,
    images,
    imageFindings,
    sourceUris,
    datasetUris,
    data: context.upstream.filter(isDataAsset),
    missingUpstream: [...new Set(declaredUpstream)].filter(
      r => !upstreamRefs.has(r),
    ),
    modelArtifacts: producedArtifacts(ref, context),
    modelFindings: [],
  };
}
