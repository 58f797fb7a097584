import { useState } from 'react';
import { InfoCard, LogViewer } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import type { TrainJobId, TrainJobPodInfo } from '../../api/types';
import { useTrainJobLogs } from '../../hooks/useTrainJobLogs';
import { useTrainJobStatus } from '../../hooks/useTrainJobStatus';
import { isFinishedPhase } from '../../lib/phase';
import { getTrainJobId } from '../../lib/trainJobId';
import { AsyncContent, EmptyMessage } from '../AsyncContent';
import { MlopsErrorPanel } from '../MlopsErrorPanel';

const TAIL_LINES = 1000;

/** The pod whose logs say most: a failed one, else the first trainer node. */
function defaultPod(pods: TrainJobPodInfo[]): TrainJobPodInfo | undefined {
  return (
    pods.find(p => p.phase === 'Failed') ??
    pods.find(p => p.replicatedJob === 'node' && p.index === 0) ??
    pods.find(p => p.replicatedJob === 'node') ??
    pods[0]
  );
}

function Logs(props: { id: TrainJobId }) {
  const status = useTrainJobStatus(props.id);
  const pods = status.value?.pods ?? [];
  const [selectedPod, setSelectedPod] = useState<string>();
  const [selectedContainer, setSelectedContainer] = useState<string>();
  const [followChoice, setFollowChoice] = useState<boolean>();
  const pod = pods.find(p => p.name === selectedPod) ?? defaultPod(pods);
  const container =
    pod?.containers.find(c => c.name === selectedContainer)?.name ??
    pod?.containers[0]?.name;
  const finished = isFinishedPhase(status.value?.phase);
  // Follow a running job by default; a finished pod has nothing to follow.
  const follow = (followChoice ?? !finished) && pod?.phase === 'Running';
  const logs = useTrainJobLogs(
    props.id,
    { pod: pod?.name, container, follow, tailLines: TAIL_LINES },
    !!pod,
  );
  if (!status.value) {
    return <AsyncContent loading={status.loading} error={status.error} />;
  }
  if (!pod) {
    return (
      <EmptyMessage>
        No pods to read logs from: the job has not started yet, or its pods were
        cleaned up after it ended.
      </EmptyMessage>
    );
  }
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 16 }}
        mb={1}
      >
        <FormControl size="small" style={{ minWidth: 260 }}>
          <InputLabel id="mlops-logs-pod">Pod</InputLabel>
          <Select
            labelId="mlops-logs-pod"
            value={pod.name}
            onChange={e => {
              setSelectedPod(e.target.value as string);
              setSelectedContainer(undefined);
            }}
          >
            {pods.map(p => (
              <MenuItem key={p.name} value={p.name}>
                {p.name} ({p.phase})
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        {pod.containers.length > 1 && (
          <FormControl size="small" style={{ minWidth: 160 }}>
            <InputLabel id="mlops-logs-container">Container</InputLabel>
            <Select
              labelId="mlops-logs-container"
              value={container ?? ''}
              onChange={e => setSelectedContainer(e.target.value as string)}
            >
              {pod.containers.map(c => (
                <MenuItem key={c.name} value={c.name}>
                  {c.name}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
        <FormControlLabel
          control={
            <Switch
              checked={follow}
              disabled={pod.phase !== 'Running'}
              onChange={e => setFollowChoice(e.target.checked)}
              color="primary"
            />
          }
          label="Follow"
        />
        <Typography variant="caption" color="textSecondary">
          {logs.streaming ? 'following live' : `last ${TAIL_LINES} lines`}
        </Typography>
      </Box>
      {logs.error && <MlopsErrorPanel error={logs.error} />}
      {logs.loading ? (
        <AsyncContent loading />
      ) : (
        <div style={{ height: 420 }} data-testid="mlops-log-viewer">
          {logs.text ? (
            <LogViewer text={logs.text} />
          ) : (
            !logs.error && (
              <EmptyMessage>
                This container has written no logs yet.
              </EmptyMessage>
            )
          )}
        </div>
      )}
    </>
  );
}

/**
 * The logs of a TrainingJob's pods, with a pod and container picker and
 * live follow while the pod runs.
 *
 * @public
 */
export function TrainingJobLogsCard() {
  const { entity } = useEntity();
  const id = getTrainJobId(entity);
  return (
    <InfoCard title="Logs">
      {id ? (
        <Logs id={id} />
      ) : (
        <EmptyMessage>
          This entity does not say which TrainJob it is.
        </EmptyMessage>
      )}
    </InfoCard>
  );
}
