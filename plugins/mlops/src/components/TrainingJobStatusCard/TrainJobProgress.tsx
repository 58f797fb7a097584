import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { TrainJobStatusResponse } from '../../api/types';
import { formatDuration, formatMetric, formatTime } from '../../lib/format';

/**
 * Training progress: a bar with the percentage, steps and epochs, the
 * estimated end and the latest metrics.
 */
export function TrainJobProgress(props: { status: TrainJobStatusResponse }) {
  const { progress, phase } = props.status;
  if (!progress) {
    return (
      <Typography variant="body2" color="textSecondary">
        {phase === 'Running'
          ? 'The trainer reports no progress (it needs Kubeflow Trainer 2.2+ progress reporting or the OpenShift AI annotation).'
          : 'No progress was reported.'}
      </Typography>
    );
  }
  const pct =
    progress.percentage ??
    (progress.totalSteps && progress.currentStep !== undefined
      ? (100 * progress.currentStep) / progress.totalSteps
      : undefined);
  const details = [
    pct !== undefined && `${Math.round(pct)} %`,
    progress.totalSteps !== undefined &&
      `step ${progress.currentStep ?? 0} of ${progress.totalSteps}`,
    progress.totalEpochs !== undefined &&
      `epoch ${progress.currentEpoch ?? 0} of ${progress.totalEpochs}`,
    phase === 'Running' &&
      progress.estimatedRemainingSeconds !== undefined &&
      `${formatDuration(progress.estimatedRemainingSeconds)} left`,
    phase === 'Running' && progress.eta && `ETA ${formatTime(progress.eta)}`,
  ].filter(Boolean);
  const metrics = Object.entries(progress.metrics ?? {});
  return (
    <Box>
      {pct !== undefined && (
        <LinearProgress
          variant="determinate"
          value={Math.max(0, Math.min(100, pct))}
          aria-label="Training progress"
          color={phase === 'Failed' ? 'secondary' : 'primary'}
          style={{ height: 8, borderRadius: 4 }}
        />
      )}
      <Typography variant="body2" style={{ marginTop: 4 }}>
        {details.join(' · ') || 'Progress reported without a percentage.'}
      </Typography>
      {progress.lastUpdatedTime && (
        <Typography variant="caption" color="textSecondary">
          Reported {formatTime(progress.lastUpdatedTime)}
        </Typography>
      )}
      {metrics.length > 0 && (
        <Box mt={1} aria-label="Metrics">
          {metrics.map(([name, value]) => (
            <Chip
              key={name}
              size="small"
              variant="outlined"
              label={`${name}: ${formatMetric(value)}`}
              style={{ margin: '0 4px 4px 0' }}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
