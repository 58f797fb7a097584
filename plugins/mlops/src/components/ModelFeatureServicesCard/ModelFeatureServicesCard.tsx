import { InfoCard } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { isModelEntity } from '@sovereign-ai/backstage-plugin-mlops-common';
import { EmptyMessage } from '../AsyncContent';

/**
 * The FeatureServices a Model was trained on, for the model as a whole and
 * per version.
 *
 * @public
 */
export function ModelFeatureServicesCard() {
  const { entity } = useEntity();
  const byService = new Map<string, string[]>();
  if (isModelEntity(entity)) {
    for (const ref of entity.spec.featureServices ?? []) {
      byService.set(ref, byService.get(ref) ?? []);
    }
    for (const version of entity.spec.versions ?? []) {
      for (const ref of version.featureServices ?? []) {
        byService.set(ref, [...(byService.get(ref) ?? []), version.name]);
      }
    }
  }
  return (
    <InfoCard title="Feature services used">
      {byService.size === 0 ? (
        <EmptyMessage>
          No feature service is recorded for this model: its versions have no
          feast.feature_service property in the Model Registry.
        </EmptyMessage>
      ) : (
        <List dense disablePadding>
          {[...byService].map(([ref, versions]) => (
            <ListItem key={ref}>
              <ListItemText
                primary={
                  <EntityRefLink entityRef={ref} defaultKind="FeatureService" />
                }
                secondary={
                  versions.length > 0
                    ? `versions ${versions.join(', ')}`
                    : 'the model as a whole'
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
