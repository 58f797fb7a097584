import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Typography from '@material-ui/core/Typography';
import type { TrainJobStatusResponse } from '../../api/types';
import { describeFailure } from '../../lib/describeFailure';

/**
 * Why a job failed (or is failing): the Failed condition, the containers
 * that ended badly and the recent warning events. Renders nothing for a
 * healthy job.
 */
export function FailureReason(props: { status: TrainJobStatusResponse }) {
  const failure = describeFailure(props.status);
  if (!failure) return null;
  const failed = props.status.phase === 'Failed';
  return (
    <Alert
      severity={failed ? 'error' : 'warning'}
      data-testid="mlops-failure-reason"
    >
      <AlertTitle>
        {failed ? 'Why it failed' : 'Containers were killed or crashed'}
      </AlertTitle>
      {failure.summary && (
        <Typography variant="body2">{failure.summary}</Typography>
      )}
      {failure.containers.map(line => (
        <Typography variant="body2" key={line}>
          {line}
        </Typography>
      ))}
      {failure.events.map(line => (
        <Typography variant="caption" component="div" key={line}>
          {line}
        </Typography>
      ))}
      {failed && !failure.summary && failure.containers.length === 0 && (
        <Typography variant="body2">
          The job failed without a reason in its conditions; see the pods and
          logs below.
        </Typography>
      )}
    </Alert>
  );
}
