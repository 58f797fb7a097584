import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { mlopsApiRef } from '../../api/MlopsApi';
import type { TrainJobId, TrainJobStatusResponse } from '../../api/types';
import { isFinishedPhase } from '../../lib/phase';
import { mlopsTrainJobManagePermission } from '@sovereign-ai/backstage-plugin-mlops-common';

type Action = 'suspend' | 'resume' | 'delete';

const CONFIRM: Record<Action, { title: string; text: string; verb: string }> = {
  suspend: {
    title: 'Suspend this training job?',
    text: 'Its pods are stopped and their accelerators freed. Progress since the last checkpoint is lost; resume starts the pods again.',
    verb: 'Suspend',
  },
  resume: {
    title: 'Resume this training job?',
    text: 'Its pods are created again and training restarts from the last checkpoint the trainer wrote.',
    verb: 'Resume',
  },
  delete: {
    title: 'Delete this training job?',
    text: 'The TrainJob, its pods and their logs are removed from the cluster. This cannot be undone; models already registered stay in the Model Registry.',
    verb: 'Delete',
  },
};

/**
 * Suspend, resume and delete, shown only to users the permission policy
 * allows to manage this job, each confirmed before it acts.
 */
export function TrainJobActions(props: {
  entityRef: string;
  id: TrainJobId;
  status: TrainJobStatusResponse;
  onDone: (action: Action) => void;
}) {
  const api = useApi(mlopsApiRef);
  const { allowed, loading } = usePermission({
    permission: mlopsTrainJobManagePermission,
    resourceRef: props.entityRef,
  });
  const [pending, setPending] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  if (loading || !allowed) {
    return null;
  }
  const { status } = props;
  const finished = isFinishedPhase(status.phase);
  const actions: Action[] = [
    ...(!finished && !status.suspended ? (['suspend'] as const) : []),
    ...(!finished && status.suspended ? (['resume'] as const) : []),
    'delete',
  ];
  const close = () => {
    setPending(undefined);
    setError(undefined);
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      if (pending === 'delete') {
        await api.deleteTrainJob(props.id);
      } else {
        await api.setTrainJobSuspended(props.id, pending === 'suspend');
      }
      const done = pending;
      setPending(undefined);
      props.onDone(done);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {actions.map(action => (
        <Button
          key={action}
          size="small"
          variant="outlined"
          color={action === 'delete' ? 'secondary' : 'default'}
          onClick={() => setPending(action)}
          style={{ marginLeft: 8 }}
        >
          {CONFIRM[action].verb}
        </Button>
      ))}
      <Dialog open={!!pending} onClose={busy ? undefined : close}>
        {pending && (
          <>
            <DialogTitle>{CONFIRM[pending].title}</DialogTitle>
            <DialogContent>
              <DialogContentText>
                <strong>{props.id.name}</strong> on {props.id.cluster}/
                {props.id.namespace}. {CONFIRM[pending].text}
              </DialogContentText>
              {error && (
                <Typography color="error" variant="body2" role="alert">
                  {error.message}
                </Typography>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button
                onClick={confirm}
                disabled={busy}
                color={pending === 'delete' ? 'secondary' : 'primary'}
                variant="contained"
              >
                {CONFIRM[pending].verb}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}
