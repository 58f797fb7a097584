import type { ComplianceResult } from './ComplianceResult';
import { toResult, type Finding } from './findings';
import { isInStorage } from './matchStorage';
import { parseStorageUri } from './parseStorageUri';
import type { SovereigntyPolicy } from './SovereigntyPolicy';
import type { ModelArtifact } from './TrainingSubject';

function artifactFinding(
  artifact: ModelArtifact,
  policy: SovereigntyPolicy,
): Finding | undefined {
  const { schemes, hosts, buckets } = policy.allowedStorage;
  const cause = artifact.causedBy ? { causedBy: artifact.causedBy } : {};
  if (!artifact.uri) {
    return {
      status: 'unknown',
      reason: `The ${artifact.label} records no artifact URI, so where it is stored is not known`,
      ...cause,
    };
  }
  let uri;
  try {
    uri = parseStorageUri(artifact.uri);
  } catch {
    return {
      status: 'fail',
      reason: `The ${artifact.label} has an artifact URI that is not a storage URI, so it is not in allowed storage`,
      ...cause,
    };
  }
  if (schemes.length > 0 && !schemes.includes(uri.scheme)) {
    return {
      status: 'fail',
      reason: `The ${artifact.label} is stored at ${uri.display}: scheme ${
        uri.scheme
      } is not allowed (mlops.sovereignty.allowedStorage.schemes: ${schemes.join(
        ', ',
      )})`,
      ...cause,
    };
  }
  if (hosts.length === 0 && buckets.length === 0) {
    return undefined;
  }
  // A URI with no host or bucket (pvc://) is allowed by its scheme alone,
  // and only when that scheme is listed explicitly.
  if (uri.host === undefined && uri.bucket === undefined) {
    return schemes.includes(uri.scheme)
      ? undefined
      : {
          status: 'fail',
          reason: `The ${artifact.label} is stored at ${uri.display}, which names no host or bucket of mlops.sovereignty.allowedStorage (list its scheme in allowedStorage.schemes to allow it)`,
          ...cause,
        };
  }
  return isInStorage(uri, { hosts, buckets })
    ? undefined
    : {
        status: 'fail',
        reason: `The ${artifact.label} is stored at ${uri.display}, outside the allowed storage (mlops.sovereignty.allowedStorage.hosts and buckets)`,
        ...cause,
      };
}

/**
 * Autonomy: every model artifact is kept in the organisation's own storage
 * (`allowedStorage`).
 */
export function checkAutonomy(
  artifacts: ModelArtifact[],
  missing: Finding[],
  policy: SovereigntyPolicy,
): ComplianceResult {
  const { schemes, hosts, buckets } = policy.allowedStorage;
  if (schemes.length === 0 && hosts.length === 0 && buckets.length === 0) {
    return toResult(
      'autonomy',
      [
        {
          status: 'unknown',
          reason:
            'No allowed storage is configured: set mlops.sovereignty.allowedStorage (schemes, hosts or buckets)',
        },
      ],
      '',
    );
  }
  const findings = [...missing];
  for (const artifact of artifacts) {
    const finding = artifactFinding(artifact, policy);
    if (finding) findings.push(finding);
  }
  return toResult(
    'autonomy',
    findings,
    `All ${artifacts.length} model artifact(s) are kept in allowed storage`,
  );
}
