import type { Entity } from '@backstage/catalog-model';
import type { Finding } from './findings';

/** A value with the words a reason uses for it, e.g. `trainer image`. */
export interface LabelledValue {
  label: string;
  value: string;
}

/** A model artifact location a training writes, and whose it is. */
export interface ModelArtifact {
  /** For example `model fraud-detector version v2`. */
  label: string;
  uri?: string;
  /** Entity ref of the Model, when the artifact belongs to one. */
  causedBy?: string;
}

/**
 * What the residency, air-gap and classification checks look at in a
 * training: an existing TrainingJob, or a job a template is about to create.
 */
export interface TrainingSubject {
  /** Entity ref of the job; absent for a request. */
  ref?: string;
  /** How reasons name where the training runs: `cluster sovereign-fr`. */
  runsIn: string;
  /** Jurisdiction the training runs in, when known. */
  jurisdiction?: string;
  /** Problems with that jurisdiction itself (unknown cluster, mismatch). */
  jurisdictionFindings: Finding[];
  /** Every image the training runs. */
  images: LabelledValue[];
  /** Images that could not be known. */
  imageFindings: Finding[];
  /** URIs read by initializers: checked against forbidden sources. */
  sourceUris: LabelledValue[];
  /** URIs of training data: checked for residency. */
  datasetUris: LabelledValue[];
  /** Upstream data assets (datasets, FeatureViews, FeatureServices). */
  data: Entity[];
  /** Refs the job's spec reads from that the lineage context does not hold. */
  missingUpstream: string[];
  /** Where the produced model is (or will be) stored. */
  modelArtifacts: ModelArtifact[];
  /** Problems knowing the model storage. */
  modelFindings: Finding[];
}

/**
 * Why the jurisdiction of a training is not known, as `unknown` findings
 * (used by checks that cannot decide anything without it).
 */
export function unknownJurisdictionFindings(
  subject: TrainingSubject,
): Finding[] {
  const findings = subject.jurisdictionFindings.map(f => ({
    ...f,
    status: 'unknown' as const,
  }));
  return findings.length
    ? findings
    : [
        {
          status: 'unknown',
          reason: `The jurisdiction ${subject.runsIn} runs in is not known`,
          ...(subject.ref ? { causedBy: subject.ref } : {}),
        },
      ];
}
