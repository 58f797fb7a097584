import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import ListSubheader from '@material-ui/core/ListSubheader';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlopsApiRef } from '../../api/MlopsApi';
import type { LineageNode } from '../../api/types';
import { AsyncContent } from '../AsyncContent';
import { PhaseChip } from '../PhaseChip';
import { KIND_LABELS } from '../../lib/kinds';

/**
 * Everything built from the current entity, of the given kinds, grouped by
 * kind with each one's owner, from one downstream lineage request.
 */
export function UsageCard(props: {
  title: string;
  /** Kinds to list, in this order. */
  kinds: string[];
  /** Shown when nothing downstream is of these kinds. */
  emptyMessage: string;
}) {
  const { entity } = useEntity();
  const api = useApi(mlopsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const kindsKey = props.kinds.join(',');
  const { value, loading, error } = useAsyncRetry(
    () =>
      api.getLineage({
        entityRef,
        direction: 'downstream',
        depth: 6,
        kinds: kindsKey.split(','),
      }),
    [api, entityRef, kindsKey],
  );
  const root = value?.root.toLocaleLowerCase('en-US');
  const groups = props.kinds
    .map(kind => ({
      kind,
      nodes: (value?.nodes ?? [])
        .filter(
          n =>
            n.ref !== root &&
            n.kind.toLocaleLowerCase('en-US') ===
              kind.toLocaleLowerCase('en-US'),
        )
        .sort((a, b) => a.depth - b.depth || a.title.localeCompare(b.title)),
    }))
    .filter(g => g.nodes.length > 0);

  return (
    <InfoCard title={props.title}>
      <AsyncContent
        loading={loading}
        error={error}
        empty={value && groups.length === 0 && props.emptyMessage}
      >
        <List dense disablePadding>
          {groups.map(group => (
            <li key={group.kind}>
              <ul style={{ padding: 0 }}>
                <ListSubheader disableSticky>
                  {KIND_LABELS[group.kind]?.plural ?? group.kind} (
                  {group.nodes.length})
                </ListSubheader>
                {group.nodes.map(node => (
                  <UsageItem key={node.ref} node={node} />
                ))}
              </ul>
            </li>
          ))}
        </List>
      </AsyncContent>
    </InfoCard>
  );
}

function UsageItem(props: { node: LineageNode }) {
  const { node } = props;
  return (
    <ListItem>
      <ListItemText
        primary={<EntityRefLink entityRef={node.ref} title={node.title} />}
        secondary={
          node.owner ? (
            <>
              owned by{' '}
              <EntityRefLink entityRef={node.owner} defaultKind="group" />
            </>
          ) : (
            'no owner'
          )
        }
        secondaryTypographyProps={{ component: 'span' }}
      />
      {node.kind.toLocaleLowerCase('en-US') === 'trainingjob' && node.phase && (
        <PhaseChip phase={node.phase} />
      )}
    </ListItem>
  );
}
