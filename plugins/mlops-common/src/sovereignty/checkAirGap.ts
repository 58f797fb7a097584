import type { ComplianceResult } from './ComplianceResult';
import { toResult, type Finding } from './findings';
import { findAllowedRegistry, findForbiddenSource } from './matchSource';
import { parseImageReference } from './parseImageReference';
import { parseStorageUri } from './parseStorageUri';
import type { SovereigntyPolicy } from './SovereigntyPolicy';
import type { LabelledValue } from './TrainingSubject';

/** What the air-gap check looks at: the images something runs and the URIs it reads. */
export interface AirGapSubject {
  images: LabelledValue[];
  /** Images that could not be known. */
  imageFindings: Finding[];
  /** URIs read from outside the cluster (initializers). */
  sourceUris: LabelledValue[];
  /** Entity ref named as the cause of a problem with an image or URI. */
  causedBy?: string;
}

function imageFinding(
  { label, value }: LabelledValue,
  policy: SovereigntyPolicy,
  causedBy: string | undefined,
): Finding | undefined {
  const cause = causedBy ? { causedBy } : {};
  let image;
  try {
    image = parseImageReference(value);
  } catch {
    return {
      status: 'fail',
      reason: `The ${label} ${value} is not a valid image reference, so it cannot be pulled from an allowed registry`,
      ...cause,
    };
  }
  const problems: string[] = [];
  const forbidden = findForbiddenSource(
    [image.canonical, value],
    policy.forbiddenSources,
  );
  if (forbidden) {
    problems.push(`comes from a forbidden source (${forbidden})`);
  }
  if (
    policy.allowedImageRegistries.length > 0 &&
    !findAllowedRegistry(image, policy.allowedImageRegistries)
  ) {
    problems.push(
      `is not from an allowed registry (${policy.allowedImageRegistries.join(
        ', ',
      )})`,
    );
  }
  if (policy.requireImageDigest && !image.digest) {
    problems.push('is not pinned by digest');
  }
  return problems.length
    ? {
        status: 'fail',
        reason: `The ${label} ${value} ${problems.join(', ')}`,
        ...cause,
      }
    : undefined;
}

function sourceFinding(
  { label, value }: LabelledValue,
  policy: SovereigntyPolicy,
  causedBy: string | undefined,
): Finding | undefined {
  let display: string | undefined;
  try {
    display = parseStorageUri(value).display;
  } catch {
    display = undefined;
  }
  const forbidden = findForbiddenSource(
    display ? [value, display] : [value],
    policy.forbiddenSources,
  );
  if (!forbidden) {
    return undefined;
  }
  return {
    status: 'fail',
    // Only the redacted form is repeated: a URI may carry a credential.
    reason: `The ${label} reads from a forbidden source (${forbidden})${
      display ? `: ${display}` : ''
    }`,
    ...(causedBy ? { causedBy } : {}),
  };
}

/**
 * Air-gap: every image comes from an allowed registry, is pinned by digest
 * when that is required and is not from a forbidden source, and no
 * initializer reads from a forbidden source.
 */
export function checkAirGap(
  subject: AirGapSubject,
  policy: SovereigntyPolicy,
): ComplianceResult {
  const findings: Finding[] = [...subject.imageFindings];
  if (subject.images.length > 0 && policy.allowedImageRegistries.length === 0) {
    findings.push({
      status: 'unknown',
      reason:
        'No allowed image registries are configured, so where images may come from is not known: set mlops.sovereignty.allowedImageRegistries',
    });
  }
  for (const image of subject.images) {
    const finding = imageFinding(image, policy, subject.causedBy);
    if (finding) findings.push(finding);
  }
  if (subject.sourceUris.length > 0 && policy.forbiddenSources.length === 0) {
    findings.push({
      status: 'unknown',
      reason:
        'No forbidden sources are configured, so initializer sources cannot be checked: set mlops.sovereignty.forbiddenSources',
    });
  }
  for (const source of subject.sourceUris) {
    const finding = sourceFinding(source, policy, subject.causedBy);
    if (finding) findings.push(finding);
  }

  const pinned = policy.requireImageDigest ? ', pinned by digest' : '';
  const sources = subject.sourceUris.length
    ? `; its ${subject.sourceUris.length} initializer source(s) are not forbidden`
    : '';
  return toResult(
    'air-gap',
    findings,
    `All ${subject.images.length} image(s) come from allowed registries${pinned}${sources}`,
  );
}
