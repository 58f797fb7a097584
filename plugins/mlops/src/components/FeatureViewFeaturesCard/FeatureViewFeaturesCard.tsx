import { Table, type TableColumn } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import {
  isFeatureViewEntity,
  type FeatureViewFeature,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { EmptyMessage } from '../AsyncContent';

const columns: TableColumn<FeatureViewFeature>[] = [
  { title: 'Name', field: 'name', highlight: true, defaultSort: 'asc' },
  { title: 'Type', field: 'dtype' },
  {
    title: 'Description',
    field: 'description',
    render: f => f.description ?? '',
  },
  {
    title: 'Tags',
    field: 'tags',
    sorting: false,
    // Searchable as "key=value" text.
    customFilterAndSearch: (term, f) =>
      Object.entries(f.tags ?? {}).some(([k, v]) =>
        `${k}=${v}`.toLocaleLowerCase().includes(term.toLocaleLowerCase()),
      ),
    render: f =>
      Object.entries(f.tags ?? {}).map(([k, v]) => (
        <Chip key={k} size="small" label={v ? `${k}=${v}` : k} />
      )),
  },
];

/**
 * The features of a FeatureView in a searchable, sortable table.
 *
 * @public
 */
export function FeatureViewFeaturesCard() {
  const { entity } = useEntity();
  const features = isFeatureViewEntity(entity) ? entity.spec.features : [];
  return (
    <Table<FeatureViewFeature>
      title={`Features (${features.length})`}
      options={{
        search: true,
        paging: features.length > 20,
        pageSize: 20,
        padding: 'dense',
      }}
      columns={columns}
      data={features.map(f => ({ ...f }))}
      emptyContent={
        <div style={{ padding: 16 }}>
          <EmptyMessage>This feature view declares no features.</EmptyMessage>
        </div>
      }
    />
  );
}
