import type { Entity } from '@backstage/catalog-model';

/**
 * The checks of the sovereignty policy, in the order results are returned.
 *
 * - `residency`: a job's data, cluster and model storage lie in one jurisdiction.
 * - `air-gap`: images come from allowed registries (pinned by digest when
 *   required) and nothing is read from a forbidden source.
 * - `autonomy`: model artifacts are kept in the organisation's own storage.
 * - `classification`: classified data is only used where its rule allows.
 * - `governance`: the asset has an owner and every required annotation.
 *
 * @public
 */
export const COMPLIANCE_CHECKS = [
  'residency',
  'air-gap',
  'autonomy',
  'classification',
  'governance',
] as const;

/**
 * One of {@link COMPLIANCE_CHECKS}.
 *
 * @public
 */
export type ComplianceCheck = (typeof COMPLIANCE_CHECKS)[number];

/**
 * Outcome of a check: `unknown` when information needed to decide is
 * missing (a check never passes on missing information).
 *
 * @public
 */
export type ComplianceStatus = 'pass' | 'fail' | 'unknown';

/**
 * The outcome of one check on one entity (or one training request).
 *
 * @public
 */
export interface ComplianceResult {
  check: ComplianceCheck;
  status: ComplianceStatus;
  /** Why, in a sentence a person can act on; names what is missing for `unknown`. */
  reason: string;
  /**
   * Entity ref (`kind:namespace/name`) of the entity that caused a `fail` or
   * `unknown`; may be the evaluated entity itself. Absent on `pass`, and when
   * the cause is not an entity (a policy setting or a request field).
   */
  causedBy?: string;
}

/**
 * The lineage neighbourhood of an entity, as the backend passes it.
 *
 * @public
 */
export interface ComplianceContext {
  /**
   * Every entity reachable upstream (datasets, FeatureViews,
   * FeatureServices, jobs), plus, for a TrainingJob, its training-runtime
   * Resource when the job sets no trainer image of its own.
   */
  upstream: Entity[];
  /** Entities built from it, for example the Models a TrainingJob produces. */
  downstream: Entity[];
}

/**
 * The overall status of a list of results: `fail` if any failed, else
 * `unknown` if any is unknown, else `pass` (also for an empty list).
 *
 * @public
 */
export function overallComplianceStatus(
  results: ReadonlyArray<Pick<ComplianceResult, 'status'>>,
): ComplianceStatus {
  if (results.some(r => r.status === 'fail')) {
    return 'fail';
  }
  return results.some(r => r.status === 'unknown') ? 'unknown' : 'pass';
}
