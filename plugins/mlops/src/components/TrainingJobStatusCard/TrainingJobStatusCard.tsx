import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { TrainJobId } from '../../api/types';
import { useTrainJobStatus } from '../../hooks/useTrainJobStatus';
import { formatTime } from '../../lib/format';
import { getTrainJobId } from '../../lib/trainJobId';
import { AsyncContent, EmptyMessage } from '../AsyncContent';
import { MlopsErrorPanel } from '../MlopsErrorPanel';
import { PhaseChip } from '../PhaseChip';
import { ConditionsTimeline } from './ConditionsTimeline';
import { FailureReason } from './FailureReason';
import { JobsStatusTable } from './JobsStatusTable';
import { TrainJobActions } from './TrainJobActions';
import { TrainJobProgress } from './TrainJobProgress';

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mt={2}>
      <Typography variant="overline" color="textSecondary" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function pollingText(polling: boolean, failing: boolean): string {
  if (!polling) return 'not polling: final status';
  return failing ? 'retrying with backoff' : 'updating live';
}

function LiveStatus(props: { id: TrainJobId; entityRef: string }) {
  const { value, error, loading, polling, refresh } = useTrainJobStatus(
    props.id,
  );
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <Alert severity="info">
        The TrainJob was deleted from {props.id.cluster}. The catalog drops this
        entity at its next sync.
      </Alert>
    );
  }
  if (!value) {
    return <AsyncContent loading={loading} error={error} />;
  }
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <PhaseChip phase={value.phase} size="medium" />
        {value.suspended && value.phase !== 'Suspended' && (
          <Typography variant="body2">suspended</Typography>
        )}
        <Typography variant="caption" color="textSecondary">
          {pollingText(polling, !!error)}
          {value.created && ` · created ${formatTime(value.created)}`}
        </Typography>
        <Box flexGrow={1} />
        <TrainJobActions
          entityRef={props.entityRef}
          id={props.id}
          status={value}
          onDone={action =>
            action === 'delete' ? setDeleted(true) : refresh()
          }
        />
      </Box>
      {error && (
        <Box mt={1}>
          <MlopsErrorPanel
            error={error}
            title="Showing the last known status: the live status could not be refreshed"
          />
        </Box>
      )}
      <Box mt={2}>
        <FailureReason status={value} />
      </Box>
      <Section title="Progress">
        <TrainJobProgress status={value} />
      </Section>
      {value.jobsStatus.length > 0 && (
        <Section title="Replicated jobs">
          <JobsStatusTable jobsStatus={value.jobsStatus} />
        </Section>
      )}
      <Section title="Conditions">
        <ConditionsTimeline conditions={value.conditions} />
      </Section>
      {value.warnings && value.warnings.length > 0 && (
        <>
          <Divider />
          {value.warnings.map(w => (
            <Typography
              key={w}
              variant="caption"
              color="textSecondary"
              component="div"
            >
              {w}
            </Typography>
          ))}
        </>
      )}
    </>
  );
}

/**
 * The live status of a TrainingJob, from its cluster: phase (a failed job is
 * never green), why it failed, progress with ETA and metrics, replicated
 * jobs, conditions as a timeline, and the suspend, resume and delete actions
 * for users allowed to manage it. Polls while the job runs.
 *
 * @public
 */
export function TrainingJobStatusCard() {
  const { entity } = useEntity();
  const id = getTrainJobId(entity);
  return (
    <InfoCard
      title="Live status"
      subheader={
        id ? `${id.cluster} / ${id.namespace} / ${id.name}` : undefined
      }
    >
      {id ? (
        <LiveStatus id={id} entityRef={stringifyEntityRef(entity)} />
      ) : (
        <EmptyMessage>
          This entity does not say which TrainJob it is: it needs spec.cluster,
          spec.namespace and the kubeflow.org/name annotation.
        </EmptyMessage>
      )}
    </InfoCard>
  );
}
