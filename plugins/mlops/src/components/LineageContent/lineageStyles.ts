/** Colour of each kind in the lineage graph and its legend. */
export const KIND_COLORS: Record<string, string> = {
  Resource: '#00897b',
  FeatureView: '#1e88e5',
  FeatureService: '#8e24aa',
  TrainingJob: '#f57c00',
  Model: '#43a047',
};

/** Colour of kinds the lineage does not expect. */
export const OTHER_KIND_COLOR = '#757575';

/** Line style of each lineage relation, named by its forward direction. */
export const RELATION_STYLES: Record<
  string,
  { label: string; dash?: string; width: number }
> = {
  readsFrom: { label: 'reads from', width: 1.5 },
  consumesFeatures: { label: 'consumes features', dash: '6 4', width: 1.5 },
  producedBy: { label: 'produced by', dash: '2 3', width: 2.5 },
};

/** The colour of a kind. */
export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? OTHER_KIND_COLOR;
}
