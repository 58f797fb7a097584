/** How each kind of the lineage is named in the UI. */
export const KIND_LABELS: Record<string, { singular: string; plural: string }> =
  {
    FeatureView: { singular: 'Feature view', plural: 'Feature views' },
    FeatureService: { singular: 'Feature service', plural: 'Feature services' },
    TrainingJob: { singular: 'Training job', plural: 'Training jobs' },
    Model: { singular: 'Model', plural: 'Models' },
    Resource: { singular: 'Dataset', plural: 'Datasets' },
  };

/**
 * The kind of a lineage node in the spelling of {@link KIND_LABELS}; the
 * backend answers kinds in the case of the entity, refs in lower case.
 */
export function canonicalKind(kind: string): string {
  const lower = kind.toLocaleLowerCase('en-US');
  return (
    Object.keys(KIND_LABELS).find(
      k => k.toLocaleLowerCase('en-US') === lower,
    ) ?? kind
  );
}
