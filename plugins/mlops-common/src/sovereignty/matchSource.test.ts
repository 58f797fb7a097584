import { findAllowedRegistry, findForbiddenSource } from './matchSource';
import { parseImageReference } from './parseImageReference';

describe('findForbiddenSource', () => {
  const forbidden = ['hf://', 'https://huggingface.co/', 'docker.io'];

  it('matches prefixes case-insensitively on any spelling', () => {
    expect(findForbiddenSource(['HF://org/model'], forbidden)).toBe('hf://');
    expect(
      findForbiddenSource(['https://HuggingFace.co/datasets/x'], forbidden),
    ).toBe('https://huggingface.co/');
    expect(
      findForbiddenSource(
        ['pytorch/pytorch', 'docker.io/pytorch/pytorch'],
        forbidden,
      ),
    ).toBe('docker.io');
  });

  it('matches a prefix ending in a name only at a boundary', () => {
    expect(
      findForbiddenSource(['docker.io.mirror.internal/app'], forbidden),
    ).toBeUndefined();
    expect(findForbiddenSource(['docker.io'], forbidden)).toBe('docker.io');
  });

  it('finds nothing when nothing is forbidden or nothing matches', () => {
    expect(findForbiddenSource(['hf://org/model'], [])).toBeUndefined();
    expect(
      findForbiddenSource(['s3://models-fr/x'], forbidden),
    ).toBeUndefined();
  });
});

describe('findAllowedRegistry', () => {
  const allowed = ['registry.sovereign.internal/ml', 'quay.internal'];

  it('allows a host or a host/path prefix of whole components', () => {
    expect(
      findAllowedRegistry(
        parseImageReference('registry.sovereign.internal/ml/trainer:1'),
        allowed,
      ),
    ).toBe('registry.sovereign.internal/ml');
    expect(
      findAllowedRegistry(parseImageReference('quay.internal/a/b'), allowed),
    ).toBe('quay.internal');
  });

  it('rejects other paths, other hosts and Docker Hub', () => {
    for (const image of [
      'registry.sovereign.internal/mlx/trainer',
      'registry.sovereign.internal/trainer',
      'quay.internal.evil.com/a',
      'python:3',
    ]) {
      expect(
        findAllowedRegistry(parseImageReference(image), allowed),
      ).toBeUndefined();
    }
  });
});
