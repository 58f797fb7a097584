import { InputError } from '@backstage/errors';
import { parseImageReference } from './parseImageReference';

const DIGEST = `sha256:${'a1'.repeat(32)}`;

describe('parseImageReference', () => {
  it.each([
    ['python', 'docker.io', 'library/python', undefined, undefined],
    ['python:3.12', 'docker.io', 'library/python', '3.12', undefined],
    [
      'pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime',
      'docker.io',
      'pytorch/pytorch',
      '2.4.0-cuda12.1-cudnn9-runtime',
      undefined,
    ],
    [
      'docker.io/pytorch/pytorch:2.4.0',
      'docker.io',
      'pytorch/pytorch',
      '2.4.0',
      undefined,
    ],
    [
      'index.docker.io/library/busybox',
      'docker.io',
      'library/busybox',
      undefined,
      undefined,
    ],
    ['docker.io/busybox', 'docker.io', 'library/busybox', undefined, undefined],
    [
      `registry.sovereign.internal/ml/fraud-detector-trainer@${DIGEST}`,
      'registry.sovereign.internal',
      'ml/fraud-detector-trainer',
      undefined,
      DIGEST,
    ],
    [
      `Registry.Example.com:5000/team/app:1.0@${DIGEST}`,
      'registry.example.com:5000',
      'team/app',
      '1.0',
      DIGEST,
    ],
    ['localhost/app', 'localhost', 'app', undefined, undefined],
    ['localhost:5000/app:dev', 'localhost:5000', 'app', 'dev', undefined],
    [
      'ghcr.io/kubeflow/trainer/dataset-initializer',
      'ghcr.io',
      'kubeflow/trainer/dataset-initializer',
      undefined,
      undefined,
    ],
  ])('parses %s', (reference, registry, repository, tag, digest) => {
    const image = parseImageReference(reference);
    expect(image).toEqual({
      registry,
      repository,
      name: `${registry}/${repository}`,
      ...(tag ? { tag } : {}),
      ...(digest ? { digest } : {}),
      canonical: `${registry}/${repository}${tag ? `:${tag}` : ''}${
        digest ? `@${digest}` : ''
      }`,
    });
  });

  it('treats a first component without a dot, colon or localhost as a Docker Hub user', () => {
    expect(parseImageReference('myorg/app').name).toBe('docker.io/myorg/app');
  });

  it.each([
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['https://registry.example.com/app', /no URL scheme/],
    ['app@sha256:abc', /digest must be sha256/],
    [`app@md5:${'a'.repeat(32)}`, /digest must be sha256/],
    ['app:-bad', /'-bad' is not a valid tag/],
    [
      'registry.example.com/App',
      /'App' is not a valid repository path component/,
    ],
    [
      'registry.example.com//app',
      /'' is not a valid repository path component/,
    ],
    [
      'bad_host.example.com/app',
      /'bad_host.example.com' is not a valid registry host/,
    ],
  ])('rejects %j', (reference, message) => {
    expect(() => parseImageReference(reference)).toThrow(InputError);
    expect(() => parseImageReference(reference)).toThrow(message);
  });
});
