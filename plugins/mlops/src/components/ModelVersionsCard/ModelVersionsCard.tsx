import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  isModelEntity,
  type ModelVersion,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { formatMetric, formatTime } from '../../lib/format';
import { EmptyMessage } from '../AsyncContent';

type Row = ModelVersion & { id: string };

const columns: TableColumn<Row>[] = [
  { title: 'Version', field: 'name', highlight: true },
  {
    title: 'State',
    field: 'state',
    render: v =>
      v.state ? (
        <Chip
          size="small"
          label={v.state.toLocaleLowerCase('en-US')}
          color={v.state === 'LIVE' ? 'primary' : 'default'}
          variant={v.state === 'LIVE' ? 'default' : 'outlined'}
        />
      ) : (
        '-'
      ),
  },
  {
    title: 'Artifact',
    field: 'artifactUri',
    render: v =>
      v.artifactUri ? (
        <Typography
          variant="body2"
          style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
        >
          {v.artifactUri}
        </Typography>
      ) : (
        '-'
      ),
  },
  {
    title: 'Format',
    field: 'format',
    render: v =>
      v.format
        ? `${v.format}${v.formatVersion ? ` ${v.formatVersion}` : ''}`
        : '-',
  },
  {
    title: 'Created',
    field: 'created',
    defaultSort: 'desc',
    render: v => formatTime(v.created),
  },
  {
    title: 'Metrics',
    sorting: false,
    render: v =>
      Object.entries(v.metrics ?? {}).map(([k, n]) => (
        <Chip
          key={k}
          size="small"
          variant="outlined"
          label={`${k}: ${formatMetric(n)}`}
        />
      )),
  },
  {
    title: 'Produced by',
    field: 'producedBy',
    render: v =>
      v.producedBy ? (
        <EntityRefLink entityRef={v.producedBy} defaultKind="TrainingJob" />
      ) : (
        'unknown'
      ),
  },
];

/**
 * The versions of a Model: state, artifact, format, creation time, metrics
 * and the training job that produced each.
 *
 * @public
 */
export function ModelVersionsCard() {
  const { entity } = useEntity();
  const versions = isModelEntity(entity) ? entity.spec.versions ?? [] : [];
  return (
    <Table<Row>
      title={`Versions (${versions.length})`}
      options={{
        search: versions.length > 10,
        paging: versions.length > 10,
        padding: 'dense',
      }}
      columns={columns}
      data={versions.map(v => ({ ...v, id: v.name }))}
      emptyContent={
        <div style={{ padding: 16 }}>
          <EmptyMessage>
            This model has no versions in the Model Registry yet.
          </EmptyMessage>
        </div>
      }
    />
  );
}
