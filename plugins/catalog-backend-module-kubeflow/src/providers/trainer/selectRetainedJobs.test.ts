import { RetentionCandidate, selectRetainedJobs } from './selectRetainedJobs';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-04-20T00:00:00Z');

function job(
  name: string,
  daysAgo: number | undefined,
  phase: RetentionCandidate['phase'] = 'Succeeded',
  namespace = 'fraud-ml',
): RetentionCandidate {
  return {
    ref: `trainingjob:default/c-${namespace}-${name}`,
    cluster: 'c',
    namespace,
    phase,
    created:
      daysAgo === undefined
        ? undefined
        : new Date(NOW - daysAgo * DAY).toISOString(),
  };
}

const names = (kept: Set<string>) =>
  [...kept].map(r => r.replace(/^.*-/, '')).sort();

describe('selectRetainedJobs', () => {
  const jobs = [
    job('a', 1),
    job('b', 2, 'Failed'),
    job('c', 40),
    job('d', 50, 'Running'),
    job('e', undefined),
    job('f', 60, 'Succeeded', 'other'),
  ];

  it('keeps everything without limits', () => {
    expect(selectRetainedJobs(jobs, {}, new Set(), NOW).size).toBe(6);
  });

  it('keeps the newest finished jobs per namespace, and unfinished ones', () => {
    expect(
      names(
        selectRetainedJobs(jobs, { maxJobsPerNamespace: 2 }, new Set(), NOW),
      ),
    ).toEqual(['a', 'd', 'e', 'f']);
  });

  it('drops finished jobs older than maxAge, never unfinished ones', () => {
    expect(
      names(selectRetainedJobs(jobs, { maxAgeMs: 30 * DAY }, new Set(), NOW)),
    ).toEqual(['a', 'b', 'd', 'e']);
  });

  it('always keeps jobs that a model points at, whatever the case of the ref', () => {
    const protectedRefs = new Set(['trainingjob:default/c-fraud-ml-c']);
    expect(
      names(
        selectRetainedJobs(
          jobs,
          { maxJobsPerNamespace: 1, maxAgeMs: DAY / 2 },
          protectedRefs,
          NOW,
        ),
      ),
    ).toEqual(['c', 'd', 'e']);
  });
});
