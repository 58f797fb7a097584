import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTrainJobStatus } from '../../hooks/useTrainJobStatus';
import { getTrainJobId } from '../../lib/trainJobId';
import type { TrainJobId } from '../../api/types';
import { AsyncContent, EmptyMessage } from '../AsyncContent';
import { PhaseChip } from '../PhaseChip';
import { FailureReason } from '../TrainingJobStatusCard';

function Summary(props: { id: TrainJobId }) {
  const { value, error, loading } = useTrainJobStatus(props.id);
  if (!value) return <AsyncContent loading={loading} error={error} />;
  return (
    <>
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        <PhaseChip phase={value.phase} size="medium" />
        <Typography variant="body2" color="textSecondary">
          as derived from the TrainJob's conditions by the mlops backend
        </Typography>
      </Box>
      <FailureReason status={value} />
    </>
  );
}

/**
 * The TrainJob's phase and, when it failed, why: shown above the raw
 * Kubernetes objects, whose generic health marks can show a failed custom
 * resource as healthy (backstage/backstage#30198).
 *
 * @public
 */
export function TrainingJobStatusSummary() {
  const { entity } = useEntity();
  const id = getTrainJobId(entity);
  return (
    <InfoCard title="Training job status">
      {id ? (
        <Summary id={id} />
      ) : (
        <EmptyMessage>
          This entity does not say which TrainJob it is.
        </EmptyMessage>
      )}
    </InfoCard>
  );
}
