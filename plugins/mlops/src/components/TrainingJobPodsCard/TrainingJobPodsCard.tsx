import {
  InfoCard,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  TrainJobContainerInfo,
  TrainJobEventInfo,
  TrainJobId,
  TrainJobPodInfo,
} from '../../api/types';
import { useTrainJobStatus } from '../../hooks/useTrainJobStatus';
import { formatTime } from '../../lib/format';
import { getTrainJobId } from '../../lib/trainJobId';
import { AsyncContent, EmptyMessage } from '../AsyncContent';

function PodPhase(props: { pod: TrainJobPodInfo }) {
  const { phase } = props.pod;
  switch (phase) {
    case 'Succeeded':
      return <StatusOK>{phase}</StatusOK>;
    case 'Failed':
      return <StatusError>{phase}</StatusError>;
    case 'Running':
      return <StatusRunning>{phase}</StatusRunning>;
    case 'Pending':
      return <StatusPending>{phase}</StatusPending>;
    default:
      return <StatusWarning>{phase}</StatusWarning>;
  }
}

function containerText(c: TrainJobContainerInfo): string {
  const parts: string[] = [c.state];
  if (c.reason) parts.push(c.reason);
  if (c.exitCode !== undefined) parts.push(`exit ${c.exitCode}`);
  if (c.lastTerminationReason) {
    parts.push(`last ended: ${c.lastTerminationReason}`);
  }
  return `${c.name}: ${parts.join(', ')}`;
}

function PodsTable(props: { pods: TrainJobPodInfo[] }) {
  return (
    <Table size="small" aria-label="Pods">
      <TableHead>
        <TableRow>
          <TableCell>Pod</TableCell>
          <TableCell>Replicated job</TableCell>
          <TableCell>Phase</TableCell>
          <TableCell>Node</TableCell>
          <TableCell>Started</TableCell>
          <TableCell align="right">Restarts</TableCell>
          <TableCell>Containers</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.pods.map(pod => (
          <TableRow key={pod.name}>
            <TableCell component="th" scope="row">
              {pod.name}
            </TableCell>
            <TableCell>
              {pod.replicatedJob ?? '-'}
              {pod.index !== undefined && ` #${pod.index}`}
            </TableCell>
            <TableCell>
              <PodPhase pod={pod} />
            </TableCell>
            <TableCell>{pod.nodeName ?? '-'}</TableCell>
            <TableCell>{formatTime(pod.startTime)}</TableCell>
            <TableCell align="right">{pod.restarts}</TableCell>
            <TableCell>
              {pod.containers.map(c => (
                <Typography variant="body2" key={c.name}>
                  {containerText(c)}
                </Typography>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function EventsTable(props: { events: TrainJobEventInfo[] }) {
  return (
    <Table size="small" aria-label="Events">
      <TableHead>
        <TableRow>
          <TableCell>Last seen</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Object</TableCell>
          <TableCell>Message</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.events.map((e, i) => (
          <TableRow key={`${e.object.name}-${e.reason}-${i}`}>
            <TableCell>
              {formatTime(e.lastTimestamp ?? e.firstTimestamp)}
            </TableCell>
            <TableCell>
              {e.type === 'Warning' ? (
                <StatusWarning>Warning</StatusWarning>
              ) : (
                e.type
              )}
            </TableCell>
            <TableCell>{e.reason}</TableCell>
            <TableCell>
              {e.object.kind} {e.object.name}
            </TableCell>
            <TableCell>
              {e.message}
              {e.count > 1 && ` (x${e.count})`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Pods(props: { id: TrainJobId }) {
  const { value, error, loading } = useTrainJobStatus(props.id);
  if (!value) {
    return <AsyncContent loading={loading} error={error} />;
  }
  return (
    <>
      {value.pods.length === 0 ? (
        <EmptyMessage>
          No pods: the job has not started yet, or its pods were cleaned up
          after it ended.
        </EmptyMessage>
      ) : (
        <PodsTable pods={value.pods} />
      )}
      <Box mt={2}>
        <Typography variant="overline" color="textSecondary" component="h3">
          Recent events
        </Typography>
        {value.events.length === 0 ? (
          <EmptyMessage>
            No recent events (Kubernetes keeps them for about an hour).
          </EmptyMessage>
        ) : (
          <EventsTable events={value.events} />
        )}
      </Box>
    </>
  );
}

/**
 * The pods of a TrainingJob (phase, node, restarts, container states) and
 * the recent Kubernetes events of the job and its pods.
 *
 * @public
 */
export function TrainingJobPodsCard() {
  const { entity } = useEntity();
  const id = getTrainJobId(entity);
  return (
    <InfoCard title="Pods and events">
      {id ? (
        <Pods id={id} />
      ) : (
        <EmptyMessage>
          This entity does not say which TrainJob it is.
        </EmptyMessage>
      )}
    </InfoCard>
  );
}
