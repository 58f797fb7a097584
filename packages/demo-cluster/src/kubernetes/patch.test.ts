import { applyJsonPatch, applyMergePatch } from './patch';

describe('applyMergePatch', () => {
  it('merges objects, replaces arrays and deletes nulls (RFC 7386)', () => {
    const target = { spec: { suspend: false, list: [1, 2], keep: 1 }, drop: 1 };
    expect(
      applyMergePatch(target, {
        spec: { suspend: true, list: [3] },
        drop: null,
      }),
    ).toEqual({ spec: { suspend: true, list: [3], keep: 1 } });
    expect(target.spec.suspend).toBe(false); // the input is not changed
  });
});

describe('applyJsonPatch', () => {
  it('applies add, replace, remove, move, copy and test (RFC 6902)', () => {
    const result = applyJsonPatch({ a: { b: 1 }, list: ['x'] }, [
      { op: 'test', path: '/a/b', value: 1 },
      { op: 'replace', path: '/a/b', value: 2 },
      { op: 'add', path: '/list/-', value: 'y' },
      { op: 'add', path: '/list/0', value: 'w' },
      { op: 'copy', from: '/a', path: '/c' },
      { op: 'move', from: '/c', path: '/d' },
      { op: 'remove', path: '/list/1' },
      { op: 'add', path: '/e~1f', value: true },
    ]);
    expect(result).toEqual({
      a: { b: 2 },
      d: { b: 2 },
      list: ['w', 'y'],
      'e/f': true,
    });
  });

  it('rejects operations on missing paths and failed tests', () => {
    expect(() =>
      applyJsonPatch({}, [{ op: 'replace', path: '/a', value: 1 }]),
    ).toThrow(/missing path/);
    expect(() =>
      applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]),
    ).toThrow(/test operation failed/);
    expect(() => applyJsonPatch({}, { op: 'add' })).toThrow(/must be an array/);
  });
});
