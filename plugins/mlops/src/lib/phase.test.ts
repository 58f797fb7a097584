import { isFinishedPhase, phaseTone } from './phase';

describe('phaseTone', () => {
  it('never shows a failed job as healthy', () => {
    expect(phaseTone('Failed')).toBe('error');
    expect(phaseTone('Succeeded')).toBe('ok');
    expect(phaseTone('Running')).toBe('running');
    expect(phaseTone('Suspended')).toBe('pending');
    expect(phaseTone('Pending')).toBe('pending');
    expect(phaseTone(undefined)).toBe('pending');
    expect(phaseTone('Whatever')).toBe('pending');
  });

  it('knows which phases are final', () => {
    expect(isFinishedPhase('Succeeded')).toBe(true);
    expect(isFinishedPhase('Failed')).toBe(true);
    expect(isFinishedPhase('Running')).toBe(false);
    expect(isFinishedPhase('Suspended')).toBe(false);
  });
});
