import { useState } from 'react';
import { InfoCard, Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  COMPLIANCE_CHECKS,
  MLOPS_KINDS,
  type ComplianceCheck,
  type ComplianceStatus,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import useAsync from 'react-use/esm/useAsync';
import { mlopsApiRef } from '../../api/MlopsApi';
import type {
  ComplianceReportFilters,
  EntityComplianceResponse,
} from '../../api/types';
import { formatTime } from '../../lib/format';
import { AsyncContent } from '../AsyncContent';
import { ComplianceStatusIcon } from '../ComplianceCard';
import { MlopsErrorPanel } from '../MlopsErrorPanel';

const KINDS = [...MLOPS_KINDS, 'Resource'];
const STATUSES: ComplianceStatus[] = ['fail', 'unknown', 'pass'];

type Row = EntityComplianceResponse & { id: string };

const columns: TableColumn<Row>[] = [
  {
    title: 'Entity',
    field: 'title',
    highlight: true,
    render: r => <EntityRefLink entityRef={r.entityRef} title={r.title} />,
  },
  { title: 'Kind', field: 'kind' },
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
    field: 'status',
    render: r => <ComplianceStatusIcon status={r.status} />,
  },
  {
    title: 'Findings',
    sorting: false,
    customFilterAndSearch: (term, r) =>
      r.results.some(x =>
        x.reason
          .toLocaleLowerCase('en-US')
          .includes(term.toLocaleLowerCase('en-US')),
      ),
    render: r => {
      const findings = r.results.filter(x => x.status !== 'pass');
      if (findings.length === 0) return 'every check passes';
      return findings.map(x => (
        <Typography variant="body2" key={`${x.check}-${x.reason}`}>
          <strong>{x.check}</strong> ({x.status}): {x.reason}
          {x.causedBy &&
            x.causedBy.toLocaleLowerCase('en-US') !==
              r.entityRef.toLocaleLowerCase('en-US') && (
              <>
                {' '}
                (<EntityRefLink entityRef={x.causedBy} />)
              </>
            )}
        </Typography>
      ));
    },
  },
];

function Total(props: {
  label: string;
  value: number;
  status?: ComplianceStatus;
}) {
  return (
    <Grid item xs={6} md={3}>
      <InfoCard>
        <Typography variant="h4" component="div">
          {props.value}
        </Typography>
        <Typography variant="body2" color="textSecondary" component="div">
          {props.status ? (
            <ComplianceStatusIcon status={props.status} />
          ) : (
            props.label
          )}
        </Typography>
      </InfoCard>
    </Grid>
  );
}

function Select<T extends string>(props: {
  label: string;
  value: T | '';
  options: readonly T[];
  onChange: (value: T | '') => void;
}) {
  return (
    <TextField
      select
      id={`mlops-compliance-${props.label.toLocaleLowerCase('en-US')}`}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value as T | '')}
      variant="outlined"
      size="small"
      style={{ minWidth: 160 }}
    >
      <MenuItem value="">any</MenuItem>
      {props.options.map(o => (
        <MenuItem key={o} value={o}>
          {o}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Saves text as a file through a local blob URL (no request leaves the browser). */
function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * The sovereignty compliance of every ML asset: totals, a table filterable
 * by kind, status, check, owner and system, and a CSV export of the
 * filtered report for audits.
 *
 * @public
 */
export function CompliancePage() {
  const api = useApi(mlopsApiRef);
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState<ComplianceStatus | ''>('');
  const [check, setCheck] = useState<ComplianceCheck | ''>('');
  const [owner, setOwner] = useState('');
  const [system, setSystem] = useState('');
  const [exportError, setExportError] = useState<Error>();
  const filters: ComplianceReportFilters = {
    ...(kind && { kind: [kind] }),
    ...(status && { status: [status] }),
    ...(check && { check: [check] }),
    ...(owner && { owner: [owner] }),
    ...(system && { system: [system] }),
  };
  const filterKey = JSON.stringify(filters);
  const report = useAsync(
    () => api.getComplianceReport(JSON.parse(filterKey)),
    [api, filterKey],
  );
  // Owner and system choices come from the unfiltered report.
  const all = useAsync(() => api.getComplianceReport(), [api]);
  const owners = [
    ...new Set(
      (all.value?.entities ?? []).flatMap(e => (e.owner ? [e.owner] : [])),
    ),
  ].sort();
  const systems = [
    ...new Set(
      (all.value?.entities ?? []).flatMap(e => (e.system ? [e.system] : [])),
    ),
  ].sort();

  const exportCsv = async () => {
    setExportError(undefined);
    try {
      download(
        await api.getComplianceReportCsv(filters),
        'sovereignty-report.csv',
      );
    } catch (e) {
      setExportError(e as Error);
    }
  };

  const value = report.value;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          style={{ gap: 12 }}
        >
          <Select
            label="Kind"
            value={kind}
            options={KINDS}
            onChange={setKind}
          />
          <Select
            label="Status"
            value={status}
            options={STATUSES}
            onChange={setStatus}
          />
          <Select
            label="Check"
            value={check}
            options={COMPLIANCE_CHECKS}
            onChange={setCheck}
          />
          <Select
            label="Owner"
            value={owner}
            options={owners}
            onChange={setOwner}
          />
          <Select
            label="System"
            value={system}
            options={systems}
            onChange={setSystem}
          />
          <Box flexGrow={1} />
          <Button
            variant="outlined"
            color="primary"
            startIcon={<GetAppIcon />}
            onClick={exportCsv}
            disabled={!value}
          >
            Export CSV
          </Button>
        </Box>
        {exportError && (
          <Box mt={1}>
            <MlopsErrorPanel error={exportError} />
          </Box>
        )}
      </Grid>
      <Grid item xs={12}>
        <AsyncContent loading={report.loading} error={report.error}>
          {value && (
            <Grid container spacing={3}>
              <Total label="ML assets" value={value.summary.entities} />
              <Total label="fail" status="fail" value={value.summary.fail} />
              <Total
                label="unknown"
                status="unknown"
                value={value.summary.unknown}
              />
              <Total label="pass" status="pass" value={value.summary.pass} />
              <Grid item xs={12}>
                <Table<Row>
                  title={`Assets (${
                    value.entities.length
                  }) · evaluated ${formatTime(value.generatedAt)}`}
                  options={{
                    search: true,
                    paging: value.entities.length > 25,
                    pageSize: 25,
                    padding: 'dense',
                  }}
                  columns={columns}
                  data={value.entities.map(e => ({ ...e, id: e.entityRef }))}
                  emptyContent={
                    <Box p={2}>No ML asset matches these filters.</Box>
                  }
                />
              </Grid>
            </Grid>
          )}
        </AsyncContent>
      </Grid>
    </Grid>
  );
}
