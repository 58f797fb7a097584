import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks, useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_FEAST_PROJECT,
  isFeatureViewEntity,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { formatDuration } from '../../lib/format';
import { EmptyMessage } from '../AsyncContent';
import { DefinitionList } from '../DefinitionList';

const TYPE_LABELS: Record<string, string> = {
  batch: 'Batch',
  stream: 'Stream',
  'on-demand': 'On demand',
};

/**
 * Overview of a FeatureView: its Feast project, type, entities and join keys,
 * time to live, online serving and sources.
 *
 * @public
 */
export function FeatureViewOverviewCard() {
  const { entity } = useEntity();
  if (!isFeatureViewEntity(entity)) {
    return (
      <InfoCard title="Feature view">
        <EmptyMessage>This entity is not a FeatureView.</EmptyMessage>
      </InfoCard>
    );
  }
  const spec = entity.spec;
  const project = entity.metadata.annotations?.[ANNOTATION_FEAST_PROJECT];
  const entities = spec.entities ?? [];
  const sources = spec.sources ?? [];
  const noEntities =
    spec.type === 'on-demand'
      ? 'none (computed on request from its sources)'
      : 'none';
  return (
    <InfoCard title="Feature view">
      <DefinitionList
        items={[
          ['Feast project', project ?? 'not recorded'],
          ['Type', TYPE_LABELS[spec.type] ?? spec.type],
          [
            'Entities and join keys',
            entities.length === 0 ? (
              noEntities
            ) : (
              <div>
                {entities.map(e => (
                  <Chip
                    key={e.name}
                    size="small"
                    variant="outlined"
                    label={`${e.name}: ${e.joinKeys.join(', ')}${
                      e.valueType ? ` (${e.valueType})` : ''
                    }`}
                  />
                ))}
              </div>
            ),
          ],
          [
            'Time to live',
            spec.ttlSeconds ? formatDuration(spec.ttlSeconds) : 'forever',
          ],
          [
            'Online',
            spec.online
              ? 'yes, materialised to the online store'
              : 'no, offline only',
          ],
          ['Features', String(spec.features.length)],
          [
            'Sources',
            sources.length === 0 ? (
              'none declared'
            ) : (
              <EntityRefLinks entityRefs={sources} defaultKind="resource" />
            ),
          ],
        ]}
      />
      {entity.metadata.description && (
        <Typography variant="body2" color="textSecondary">
          {entity.metadata.description}
        </Typography>
      )}
    </InfoCard>
  );
}
