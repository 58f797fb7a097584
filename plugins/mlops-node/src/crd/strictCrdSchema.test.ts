import { toCrdFieldPath, toStrictCrdSchema } from './strictCrdSchema';

describe('toStrictCrdSchema', () => {
  it('closes objects unless they preserve unknown fields, and leaves metadata open', () => {
    const strict = toStrictCrdSchema({
      type: 'object',
      properties: {
        metadata: { type: 'object', properties: { name: { type: 'string' } } },
        spec: {
          type: 'object',
          properties: {
            open: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
            labels: {
              type: 'object',
              additionalProperties: { type: 'string' },
            },
          },
        },
      },
    });
    expect(strict.additionalProperties).toBe(false);
    expect(strict.properties.metadata).toEqual({ type: 'object' });
    expect(strict.properties.spec.additionalProperties).toBe(false);
    expect(strict.properties.spec.properties.open.additionalProperties).toBe(
      undefined,
    );
    expect(
      strict.properties.spec.properties.labels.additionalProperties,
    ).toEqual({ type: 'string' });
  });

  it('keeps enum, default and example values as they are', () => {
    const strict = toStrictCrdSchema({
      type: 'object',
      properties: { mode: { type: 'string', default: { type: 'object' } } },
    });
    expect(strict.properties.mode.default).toEqual({ type: 'object' });
  });
});

describe('toCrdFieldPath', () => {
  it('prints paths as the API server does', () => {
    expect(toCrdFieldPath('/spec/trainer/0/image')).toBe(
      'spec.trainer[0].image',
    );
    expect(toCrdFieldPath('/metadata/labels/a~1b', 'c')).toBe(
      'metadata.labels.a/b.c',
    );
    expect(toCrdFieldPath('')).toBe('');
  });
});
