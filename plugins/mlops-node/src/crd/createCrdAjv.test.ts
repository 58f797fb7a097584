import { createCrdAjv } from './createCrdAjv';

describe('createCrdAjv', () => {
  const schema = {
    type: 'object',
    properties: {
      port: { 'x-kubernetes-int-or-string': true },
      replicas: { type: 'integer', format: 'int32' },
      since: { type: 'string', format: 'date-time' },
      env: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, value: { type: 'string' } },
        },
      },
      tags: {
        type: 'array',
        'x-kubernetes-list-type': 'set',
        items: { type: 'string' },
      },
      mode: { type: 'string', default: 'fast' },
    },
    'x-kubernetes-preserve-unknown-fields': false,
  };

  it('accepts what the API server accepts', () => {
    const validate = createCrdAjv().compile(schema);
    expect(
      validate({
        port: 'http',
        replicas: 2,
        since: '2026-11-27T10:00:00Z',
        env: [{ name: 'A' }, { name: 'B' }],
        tags: ['x', 'y'],
      }),
    ).toBe(true);
    expect(validate({ port: 8080 })).toBe(true);
  });

  it.each([
    [{ port: 1.5 }, 'must be an integer or a string'],
    [{ replicas: 2 ** 31 }, 'must match format "int32"'],
    [{ since: '27/11/2026' }, 'must match format "date-time"'],
    [
      { env: [{ name: 'A', value: '1' }, { name: 'A' }] },
      'Duplicate value: ["A"]',
    ],
    [{ tags: ['x', 'x'] }, 'Duplicate value: "x"'],
  ])('rejects %j', (object, message) => {
    const validate = createCrdAjv().compile(schema);
    expect(validate(object)).toBe(false);
    expect(validate.errors!.map(e => e.message)).toContain(message);
  });

  it('passes further options on, such as applying defaults', () => {
    const object: Record<string, unknown> = {};
    expect(createCrdAjv({ useDefaults: true }).compile(schema)(object)).toBe(
      true,
    );
    expect(object.mode).toBe('fast');
  });
});
