/**
 * How a TrainJob phase is shown: which status colour it gets. A failed job is
 * always `error`, never `ok`, whatever else its status says.
 */
export type PhaseTone = 'ok' | 'error' | 'running' | 'pending' | 'warning';

/** The tone of a phase; unknown phases are `pending` (grey), not green. */
export function phaseTone(phase: string | undefined): PhaseTone {
  switch (phase) {
    case 'Succeeded':
      return 'ok';
    case 'Failed':
      return 'error';
    case 'Running':
      return 'running';
    default:
      return 'pending';
  }
}

/** Whether a job in this phase will not change any more by itself. */
export function isFinishedPhase(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}
