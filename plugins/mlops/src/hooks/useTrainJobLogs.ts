import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { mlopsApiRef } from '../api/MlopsApi';
import type { TrainJobId, TrainJobLogsRequest } from '../api/types';

/** Most log text kept in the browser; older text is dropped first. */
export const MAX_LOG_CHARS = 2_000_000;
/** How often new log text is rendered while following. */
const FLUSH_MS = 200;

/** What the logs viewer shows. */
export interface TrainJobLogsState {
  text: string;
  loading: boolean;
  /** Still receiving (follow mode). */
  streaming: boolean;
  error?: Error;
  pod?: string;
  container?: string;
}

/**
 * Reads (and with `follow`, keeps reading) the logs of a pod of a TrainJob
 * through a streamed fetch. The stream is closed when the options change
 * or the component unmounts.
 */
export function useTrainJobLogs(
  id: TrainJobId | undefined,
  request: TrainJobLogsRequest,
  enabled: boolean,
): TrainJobLogsState {
  const api = useApi(mlopsApiRef);
  const [state, setState] = useState<TrainJobLogsState>({
    text: '',
    loading: enabled,
    streaming: false,
  });
  const { pod, container, follow, tailLines } = request;
  const key = id ? `${id.cluster}/${id.namespace}/${id.name}` : '';
  useEffect(() => {
    if (!id || !enabled) {
      setState({ text: '', loading: false, streaming: false });
      return undefined;
    }
    const controller = new AbortController();
    let text = '';
    let dirty = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const flush = () => {
      if (!dirty) return;
      dirty = false;
      setState(s => ({ ...s, text }));
    };
    setState({ text: '', loading: true, streaming: false });
    (async () => {
      try {
        const stream = await api.openTrainJobLogs(
          id,
          { pod, container, follow, tailLines },
          controller.signal,
        );
        setState(s => ({
          ...s,
          loading: false,
          streaming: !!follow,
          pod: stream.pod,
          container: stream.container,
        }));
        // Batch renders: a busy trainer writes many small chunks per second.
        timer = setInterval(flush, FLUSH_MS);
        for await (const chunk of stream.chunks) {
          if (controller.signal.aborted) break;
          text += chunk;
          if (text.length > MAX_LOG_CHARS) {
            text = text.slice(text.length - MAX_LOG_CHARS);
            text = text.slice(text.indexOf('\n') + 1);
          }
          dirty = true;
        }
        flush();
        if (!controller.signal.aborted) {
          setState(s => ({ ...s, streaming: false }));
        }
      } catch (e) {
        if (!controller.signal.aborted) {
          flush();
          setState(s => ({
            ...s,
            loading: false,
            streaming: false,
            error: e as Error,
          }));
        }
      } finally {
        if (timer) clearInterval(timer);
      }
    })();
    return () => {
      controller.abort();
      if (timer) clearInterval(timer);
    };
    // `key` stands for the id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, pod, container, follow, tailLines, enabled]);
  return state;
}
