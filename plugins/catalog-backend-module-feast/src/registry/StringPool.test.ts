import { StringPool } from './StringPool';

// Which copy of a string is kept is not observable from JavaScript (strings
// compare by value), so these tests pin down that pooling changes no value.
describe('StringPool', () => {
  it('returns an equal string', () => {
    const pool = new StringPool();
    expect(pool.intern(['bench', 'project'].join('_'))).toBe('bench_project');
    expect(pool.intern('bench_' + 'project')).toBe('bench_project');
  });

  it('keeps every value of nested objects and arrays, in place', () => {
    const pool = new StringPool();
    const value = {
      name: 'view',
      online: true,
      ttlSeconds: 3600,
      description: undefined,
      alias: null,
      entities: ['driver', 'customer'],
      features: [{ name: 'conv_rate', tags: Object.freeze({}) }],
      labels: { team: 'fraud' },
    };
    const copy = structuredClone(value);
    expect(pool.internAll(value)).toBe(value);
    expect(value).toEqual(copy);
  });
});
