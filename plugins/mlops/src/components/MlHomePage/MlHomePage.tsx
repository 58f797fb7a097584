import { useMemo, useState } from 'react';
import { InfoCard, Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { MLOPS_KINDS } from '@sovereign-ai/backstage-plugin-mlops-common';
import { formatTime } from '../../lib/format';
import { KIND_LABELS } from '../../lib/kinds';
import { AsyncContent } from '../AsyncContent';
import { PhaseChip } from '../PhaseChip';
import {
  countBy,
  filterMlRows,
  recentJobs,
  toMlRow,
  type MlRow,
} from './mlHomeModel';
import { useMlEntities } from './useMlEntities';

const columns: TableColumn<MlRow>[] = [
  {
    title: 'Name',
    field: 'title',
    highlight: true,
    render: r => <EntityRefLink entityRef={r.ref} title={r.title} />,
  },
  {
    title: 'Kind',
    field: 'kind',
    render: r => KIND_LABELS[r.kind]?.singular ?? r.kind,
  },
  { title: 'Type', field: 'type' },
  {
    title: 'Owner',
    field: 'owner',
    render: r =>
      r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '-',
  },
  {
    title: 'System',
    field: 'system',
    render: r =>
      r.system ? (
        <EntityRefLink entityRef={r.system} defaultKind="system" />
      ) : (
        '-'
      ),
  },
  {
    title: 'Status',
    field: 'phase',
    render: r =>
      r.kind === 'TrainingJob' ? <PhaseChip phase={r.phase} /> : '',
  },
  { title: 'Description', field: 'description' },
];

function CountsCard(props: {
  title: string;
  rows: MlRow[];
  by: 'owner' | 'system';
}) {
  const counts = countBy(props.rows, props.by);
  return (
    <InfoCard title={props.title}>
      <List dense disablePadding>
        {counts.map(c => (
          <ListItem key={c.value} disableGutters>
            <ListItemText
              primary={
                c.value === 'none' ? (
                  `no ${props.by}`
                ) : (
                  <EntityRefLink
                    entityRef={c.value}
                    defaultKind={props.by === 'owner' ? 'group' : 'system'}
                  />
                )
              }
              secondary={MLOPS_KINDS.filter(k => c.byKind[k])
                .map(
                  k =>
                    `${c.byKind[k]} ${KIND_LABELS[k].plural.toLocaleLowerCase(
                      'en-US',
                    )}`,
                )
                .join(' · ')}
            />
            <Chip size="small" label={c.total} />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}

function RecentJobsCard(props: { rows: MlRow[] }) {
  const jobs = recentJobs(props.rows);
  return (
    <InfoCard title="Recent training jobs">
      {jobs.length === 0 ? (
        'No training jobs in the catalog yet.'
      ) : (
        <List dense disablePadding>
          {jobs.map(job => (
            <ListItem key={job.ref} disableGutters>
              <ListItemText
                primary={
                  <EntityRefLink entityRef={job.ref} title={job.title} />
                }
                secondary={formatTime(job.created)}
              />
              <PhaseChip phase={job.phase} />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}

/**
 * The ML home: search and filter across feature views, feature services,
 * models and training jobs; recent jobs with their status; counts per
 * system and owner.
 *
 * @public
 */
export function MlHomePage() {
  const { value, loading, error } = useMlEntities();
  const rows = useMemo(() => (value ?? []).map(toMlRow), [value]);
  const [text, setText] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [owner, setOwner] = useState('');
  const [system, setSystem] = useState('');
  const owners = [
    ...new Set(rows.flatMap(r => (r.owner ? [r.owner] : []))),
  ].sort();
  const systems = [
    ...new Set(rows.flatMap(r => (r.system ? [r.system] : []))),
  ].sort();
  const filtered = filterMlRows(rows, {
    text,
    kinds,
    owner: owner || undefined,
    system: system || undefined,
  });
  const toggleKind = (kind: string) =>
    setKinds(prev =>
      prev.includes(kind) ? prev.filter(k => k !== kind) : [...prev, kind],
    );
  return (
    <AsyncContent
      loading={loading}
      error={error}
      empty={
        value?.length === 0 &&
        'No feature views, feature services, models or training jobs in the catalog yet. Configure the Feast, Kubeflow Trainer and Model Registry providers to ingest them.'
      }
    >
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box
            display="flex"
            flexWrap="wrap"
            alignItems="center"
            style={{ gap: 12 }}
          >
            <TextField
              label="Search"
              placeholder="name, description, tag"
              value={text}
              onChange={e => setText(e.target.value)}
              variant="outlined"
              size="small"
              inputProps={{ 'aria-label': 'Search ML assets' }}
            />
            {MLOPS_KINDS.map(kind => (
              <Chip
                key={kind}
                label={`${KIND_LABELS[kind].plural} (${
                  rows.filter(r => r.kind === kind).length
                })`}
                color={kinds.includes(kind) ? 'primary' : 'default'}
                onClick={() => toggleKind(kind)}
                clickable
              />
            ))}
            <TextField
              select
              id="mlops-home-owner"
              label="Owner"
              value={owner}
              onChange={e => setOwner(e.target.value)}
              variant="outlined"
              size="small"
              style={{ minWidth: 180 }}
            >
              <MenuItem value="">any</MenuItem>
              {owners.map(o => (
                <MenuItem key={o} value={o}>
                  {o}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              id="mlops-home-system"
              label="System"
              value={system}
              onChange={e => setSystem(e.target.value)}
              variant="outlined"
              size="small"
              style={{ minWidth: 180 }}
            >
              <MenuItem value="">any</MenuItem>
              {systems.map(s => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
          </Box>
        </Grid>
        <Grid item xs={12} lg={8}>
          <Table<MlRow>
            title={`ML assets (${filtered.length})`}
            options={{
              search: false,
              paging: filtered.length > 20,
              pageSize: 20,
              padding: 'dense',
            }}
            columns={columns}
            data={filtered}
            emptyContent={<Box p={2}>No ML asset matches these filters.</Box>}
          />
        </Grid>
        <Grid item xs={12} lg={4}>
          <RecentJobsCard rows={rows} />
          <Box mt={3}>
            <CountsCard title="Per system" rows={rows} by="system" />
          </Box>
          <Box mt={3}>
            <CountsCard title="Per owner" rows={rows} by="owner" />
          </Box>
        </Grid>
      </Grid>
    </AsyncContent>
  );
}
