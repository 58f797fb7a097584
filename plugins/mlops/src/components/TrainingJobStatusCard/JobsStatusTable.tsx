import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import useTheme from '@material-ui/core/styles/useTheme';
import type { BackstageTheme } from '@backstage/theme';
import type { TrainJobReplicatedJobStatus } from '../../api/types';

const COLUMNS = [
  'active',
  'ready',
  'succeeded',
  'failed',
  'suspended',
] as const;

/** Pods per state for each replicated job (initializers, nodes) of the JobSet. */
export function JobsStatusTable(props: {
  jobsStatus: TrainJobReplicatedJobStatus[];
}) {
  const theme = useTheme<BackstageTheme>();
  return (
    <Table size="small" aria-label="Replicated jobs">
      <TableHead>
        <TableRow>
          <TableCell>Replicated job</TableCell>
          {COLUMNS.map(c => (
            <TableCell key={c} align="right">
              {c}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.jobsStatus.map(job => (
          <TableRow key={job.name}>
            <TableCell component="th" scope="row">
              {job.name}
            </TableCell>
            {COLUMNS.map(c => (
              <TableCell
                key={c}
                align="right"
                style={
                  c === 'failed' && job.failed > 0
                    ? { color: theme.palette.status.error, fontWeight: 600 }
                    : undefined
                }
              >
                {job[c]}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
