import { parseFieldSelector, parseLabelSelector } from './selectors';

const object = (labels: Record<string, string>, extra = {}) => ({
  metadata: { name: 'a', labels },
  ...extra,
});

describe('parseLabelSelector', () => {
  it('matches equality, set and existence requirements', () => {
    const selector = parseLabelSelector(
      'app=web,tier!=db,env in (prod, staging),zone notin (eu-de),team,!legacy',
    );
    expect(
      selector(object({ app: 'web', env: 'prod', zone: 'eu-fr', team: 'x' })),
    ).toBe(true);
    expect(selector(object({ app: 'web', env: 'dev', team: 'x' }))).toBe(false);
    expect(
      selector(object({ app: 'web', env: 'prod', zone: 'eu-de', team: 'x' })),
    ).toBe(false);
    expect(
      selector(object({ app: 'web', env: 'prod', team: 'x', legacy: '1' })),
    ).toBe(false);
    expect(selector(object({ app: 'web', env: 'prod' }))).toBe(false);
    expect(parseLabelSelector('a==b')(object({ a: 'b' }))).toBe(true);
    expect(parseLabelSelector('')(object({}))).toBe(true);
  });

  it('rejects malformed selectors', () => {
    expect(() => parseLabelSelector('a in b')).toThrow(
      /unable to parse requirement: "a in b"/,
    );
    expect(() => parseLabelSelector('a=b=c')).toThrow(/unable to parse/);
  });
});

describe('parseFieldSelector', () => {
  it('matches dotted field paths with = and !=', () => {
    const selector = parseFieldSelector(
      'involvedObject.name=job,involvedObject.kind!=Pod',
    );
    expect(
      selector(
        object({}, { involvedObject: { name: 'job', kind: 'TrainJob' } }),
      ),
    ).toBe(true);
    expect(
      selector(object({}, { involvedObject: { name: 'job', kind: 'Pod' } })),
    ).toBe(false);
    expect(parseFieldSelector('status.phase=')(object({}))).toBe(true);
    expect(() => parseFieldSelector('nonsense')).toThrow(/invalid selector/);
  });
});
