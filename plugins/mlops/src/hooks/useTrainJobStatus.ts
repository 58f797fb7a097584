import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { mlopsApiRef, type MlopsApi } from '../api/MlopsApi';
import type { TrainJobId } from '../api/types';
import {
  TrainJobStatusPoller,
  type TrainJobStatusState,
} from './TrainJobStatusPoller';

const pollers = new WeakMap<MlopsApi, Map<string, TrainJobStatusPoller>>();

function getPoller(api: MlopsApi, id: TrainJobId): TrainJobStatusPoller {
  let byJob = pollers.get(api);
  if (!byJob) {
    byJob = new Map();
    pollers.set(api, byJob);
  }
  const key = `${id.cluster}/${id.namespace}/${id.name}`;
  let poller = byJob.get(key);
  if (!poller) {
    poller = new TrainJobStatusPoller(api, id);
    byJob.set(key, poller);
  }
  return poller;
}

/**
 * The live status of a TrainJob, polled while it runs and shared by every
 * component of the page that shows the same job.
 */
export function useTrainJobStatus(
  id: TrainJobId,
): TrainJobStatusState & { refresh: () => void } {
  const api = useApi(mlopsApiRef);
  const poller = getPoller(api, id);
  const [state, setState] = useState(() => poller.getState());
  useEffect(() => {
    setState(poller.getState());
    return poller.subscribe(setState);
  }, [poller]);
  return { ...state, refresh: () => poller.refresh() };
}
