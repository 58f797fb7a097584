import { useState } from 'react';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_FEAST_NAME,
  ANNOTATION_FEAST_PROJECT,
  isFeatureServiceEntity,
  type FeatureServiceEntityV1alpha1,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { useFeatureServiceViews } from '../../hooks/useFeatureServiceViews';
import { useTrainingTemplateLink } from '../../hooks/useTrainingTemplateLink';
import {
  featureServiceSnippets,
  type JoinKey,
} from '../../lib/featureServiceSnippets';
import { AsyncContent, EmptyMessage } from '../AsyncContent';
import { CopyButton } from '../CopyButton';

const TABS = [
  { id: 'historical', label: 'Training data', language: 'python' },
  { id: 'online', label: 'Online (SDK)', language: 'python' },
  { id: 'rest', label: 'Online (REST)', language: 'bash' },
] as const;

function Snippets(props: { entity: FeatureServiceEntityV1alpha1 }) {
  const { entity } = props;
  const config = useApi(configApiRef);
  const [tab, setTab] = useState(0);
  const { value, loading, error } = useFeatureServiceViews(entity);
  const annotations = entity.metadata.annotations ?? {};
  const project = annotations[ANNOTATION_FEAST_PROJECT];
  const name = annotations[ANNOTATION_FEAST_NAME] ?? entity.metadata.name;
  if (!project) {
    return (
      <EmptyMessage>
        This feature service has no {ANNOTATION_FEAST_PROJECT} annotation, so
        the Feast project to read it from is unknown.
      </EmptyMessage>
    );
  }
  const joinKeys = new Map<string, JoinKey>();
  for (const p of value ?? []) {
    for (const e of p.view?.spec.entities ?? []) {
      for (const key of e.joinKeys) {
        if (!joinKeys.has(key)) {
          joinKeys.set(key, { name: key, valueType: e.valueType });
        }
      }
    }
  }
  const snippets = featureServiceSnippets({
    project,
    name,
    joinKeys: [...joinKeys.values()],
    featureServerUrl: config.getOptionalString(
      `mlops.featureServers.${project}`,
    ),
  });
  const current = TABS[tab];
  const text = snippets[current.id];
  return (
    <AsyncContent loading={loading} error={error}>
      <Typography variant="body2" color="textSecondary">
        Feast project <code>{project}</code>, feature service{' '}
        <code>{name}</code>. Entity keys:{' '}
        {joinKeys.size > 0 ? [...joinKeys.keys()].join(', ') : 'none'}.
      </Typography>
      <Box display="flex" alignItems="center">
        <Tabs
          value={tab}
          onChange={(_, v) => setTab(v)}
          indicatorColor="primary"
          style={{ flexGrow: 1 }}
        >
          {TABS.map(t => (
            <Tab key={t.id} label={t.label} />
          ))}
        </Tabs>
        <CopyButton text={text} label={`Copy the ${current.label} example`} />
      </Box>
      <CodeSnippet text={text} language={current.language} />
    </AsyncContent>
  );
}

/**
 * How to use a FeatureService: the Feast SDK calls for training
 * (`get_historical_features`) and serving (`get_online_features`) and the
 * feature server's REST call, each with a copy button, and a link that opens
 * the training-project template with this feature service filled in.
 *
 * @public
 */
export function FeatureServiceUsageCard() {
  const { entity } = useEntity();
  const trainLink = useTrainingTemplateLink(entity);
  return (
    <InfoCard
      title="Use it"
      deepLink={
        trainLink && isFeatureServiceEntity(entity)
          ? { title: 'Train a model on it', link: trainLink }
          : undefined
      }
    >
      {isFeatureServiceEntity(entity) ? (
        <Snippets entity={entity} />
      ) : (
        <EmptyMessage>This entity is not a FeatureService.</EmptyMessage>
      )}
    </InfoCard>
  );
}
