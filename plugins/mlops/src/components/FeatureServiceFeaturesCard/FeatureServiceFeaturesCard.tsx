import { InfoCard } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  isFeatureServiceEntity,
  type FeatureServiceEntityV1alpha1,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  useFeatureServiceViews,
  type ResolvedProjection,
} from '../../hooks/useFeatureServiceViews';
import { AsyncContent, EmptyMessage } from '../AsyncContent';

const useStyles = makeStyles(theme => ({
  view: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  chips: {
    marginTop: theme.spacing(0.5),
    '& > *': { margin: theme.spacing(0, 0.5, 0.5, 0) },
  },
}));

/** The features a projection selects, with their types when known. */
function selectedFeatures(p: ResolvedProjection) {
  const all = p.view?.spec.features ?? [];
  if (p.features.length === 0) {
    return all.map(f => ({ name: f.name, dtype: f.dtype, known: true }));
  }
  return p.features.map(name => {
    const feature = all.find(f => f.name === name);
    return { name, dtype: feature?.dtype, known: !p.view || !!feature };
  });
}

function Projection(props: { projection: ResolvedProjection }) {
  const classes = useStyles();
  const p = props.projection;
  const features = selectedFeatures(p);
  return (
    <div className={classes.view}>
      <Typography variant="subtitle2" component="div">
        <EntityRefLink
          entityRef={p.ref}
          title={p.view?.metadata.title ?? undefined}
        />
        {p.alias && ` as ${p.alias}`}
        {' · '}
        {p.features.length === 0
          ? `all ${features.length} features`
          : `${features.length} of ${
              p.view?.spec.features.length ?? '?'
            } features`}
      </Typography>
      {!p.view && (
        <Typography variant="caption" color="error" component="div">
          This feature view is not in the catalog.
        </Typography>
      )}
      <div className={classes.chips}>
        {features.map(f => (
          <Tooltip
            key={f.name}
            title={
              f.known
                ? f.dtype ?? 'type unknown'
                : 'the feature view has no feature of this name'
            }
          >
            <Chip
              size="small"
              variant={f.known ? 'default' : 'outlined'}
              label={f.dtype ? `${f.name}: ${f.dtype}` : f.name}
            />
          </Tooltip>
        ))}
      </div>
    </div>
  );
}

function Content(props: { entity: FeatureServiceEntityV1alpha1 }) {
  const { value, loading, error } = useFeatureServiceViews(props.entity);
  return (
    <AsyncContent
      loading={loading}
      error={error}
      empty={
        value?.length === 0 && 'This feature service selects no feature views.'
      }
    >
      {value?.map(p => (
        <Projection key={p.ref} projection={p} />
      ))}
    </AsyncContent>
  );
}

/**
 * The features a FeatureService selects, per FeatureView.
 *
 * @public
 */
export function FeatureServiceFeaturesCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="Selected features">
      {isFeatureServiceEntity(entity) ? (
        <Content entity={entity} />
      ) : (
        <EmptyMessage>This entity is not a FeatureService.</EmptyMessage>
      )}
    </InfoCard>
  );
}
