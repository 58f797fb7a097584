import {
  INTERNAL_IMAGE,
  policyOf,
  resultOf,
  runtime,
  trainingJob,
  DEMO_SOVEREIGNTY_CONFIG,
} from './__testUtils__/builders';

const JOB_REF = 'trainingjob:default/job';
const PUBLIC_IMAGE = 'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime';

describe('air-gap', () => {
  describe('on a TrainingJob', () => {
    it('passes with pinned internal images and allowed initializer sources', () => {
      const job = trainingJob('job', {
        initializers: {
          dataset: {
            storageUri: 's3://fraud-data-fr/x',
            image: INTERNAL_IMAGE,
          },
          model: { storageUri: 's3://models-fr/base/' },
        },
      });
      expect(resultOf('air-gap', job)).toEqual({
        check: 'air-gap',
        status: 'pass',
        reason:
          'All 2 image(s) come from allowed registries, pinned by digest; its 2 initializer source(s) are not forbidden',
      });
    });

    it('fails on a public image without digest, naming every problem', () => {
      const job = trainingJob('job', { trainer: { image: PUBLIC_IMAGE } });
      expect(resultOf('air-gap', job)).toEqual({
        check: 'air-gap',
        status: 'fail',
        reason: `The trainer image ${PUBLIC_IMAGE} comes from a forbidden source (docker.io/), is not from an allowed registry (registry.sovereign.internal), is not pinned by digest`,
        causedBy: JOB_REF,
      });
    });

    it('applies Docker Hub defaults before matching forbidden sources', () => {
      const job = trainingJob('job', {
        trainer: { image: `pytorch/pytorch@sha256:${'b'.repeat(64)}` },
      });
      const policy = policyOf({
        ...DEMO_SOVEREIGNTY_CONFIG,
        allowedImageRegistries: ['registry.sovereign.internal', 'docker.io'],
      });
      expect(resultOf('air-gap', job, {}, policy)?.reason).toBe(
        `The trainer image pytorch/pytorch@sha256:${'b'.repeat(
          64,
        )} comes from a forbidden source (docker.io/)`,
      );
    });

    it('fails on an unpinned internal image only when digests are required', () => {
      const job = trainingJob('job', {
        trainer: { image: 'registry.sovereign.internal/ml/trainer:1.0' },
      });
      expect(resultOf('air-gap', job)).toMatchObject({
        status: 'fail',
        reason:
          'The trainer image registry.sovereign.internal/ml/trainer:1.0 is not pinned by digest',
      });
      const lax = policyOf({
        ...DEMO_SOVEREIGNTY_CONFIG,
        requireImageDigest: false,
      });
      expect(resultOf('air-gap', job, {}, lax)?.status).toBe('pass');
    });

    it('fails on an invalid image reference', () => {
      const job = trainingJob('job', { trainer: { image: 'Not An Image' } });
      expect(resultOf('air-gap', job)).toMatchObject({
        status: 'fail',
        reason:
          'The trainer image Not An Image is not a valid image reference, so it cannot be pulled from an allowed registry',
      });
    });

    it('fails when an initializer reads from a forbidden source, without repeating credentials', () => {
      const job = trainingJob('job', {
        initializers: {
          model: { storageUri: 'hf://meta-llama/Llama-3.1-8B' },
          dataset: {
            storageUri:
              'https://token:s3cret@huggingface.co/datasets/x?sig=abc',
          },
        },
      });
      const result = resultOf('air-gap', job);
      expect(result).toEqual({
        check: 'air-gap',
        status: 'fail',
        reason:
          'The dataset initializer reads from a forbidden source (https://huggingface.co/): https://huggingface.co/datasets/x; The model initializer reads from a forbidden source (hf://): hf://meta-llama/Llama-3.1-8B',
        causedBy: JOB_REF,
      });
      expect(result?.reason).not.toMatch(/s3cret|sig=/);
    });

    it('checks the runtime images when the job sets no trainer image', () => {
      const job = trainingJob('job', {
        trainer: {},
        runtime: 'resource:torch',
      });
      expect(
        resultOf('air-gap', job, {
          upstream: [runtime('torch', [INTERNAL_IMAGE])],
        })?.status,
      ).toBe('pass');
      expect(
        resultOf('air-gap', job, {
          upstream: [runtime('torch', [PUBLIC_IMAGE])],
        }),
      ).toMatchObject({
        status: 'fail',
        reason: expect.stringContaining(
          `The image of runtime torch ${PUBLIC_IMAGE}`,
        ),
      });
    });

    describe('is unknown, never pass, on missing information', () => {
      it('without allowed registries', () => {
        const job = trainingJob('job');
        expect(
          resultOf('air-gap', job, {}, policyOf({ requireImageDigest: true })),
        ).toEqual({
          check: 'air-gap',
          status: 'unknown',
          reason:
            'No allowed image registries are configured, so where images may come from is not known: set mlops.sovereignty.allowedImageRegistries',
        });
      });

      it('but still fails on what is configured', () => {
        const job = trainingJob('job', { trainer: { image: PUBLIC_IMAGE } });
        expect(
          resultOf(
            'air-gap',
            job,
            {},
            policyOf({ forbiddenSources: ['docker.io/'] }),
          ),
        ).toMatchObject({
          status: 'fail',
          reason: `The trainer image ${PUBLIC_IMAGE} comes from a forbidden source (docker.io/) (1 more could not be checked)`,
        });
      });

      it('when initializers read URIs and no forbidden source is configured', () => {
        const job = trainingJob('job', {
          initializers: { model: { storageUri: 'hf://org/model' } },
        });
        expect(
          resultOf(
            'air-gap',
            job,
            {},
            policyOf({
              allowedImageRegistries: ['registry.sovereign.internal'],
            }),
          ),
        ).toEqual({
          check: 'air-gap',
          status: 'unknown',
          reason:
            'No forbidden sources are configured, so initializer sources cannot be checked: set mlops.sovereignty.forbiddenSources',
        });
      });

      it('when the job sets no trainer image and its runtime is not in the context', () => {
        const job = trainingJob('job', {
          trainer: {},
          runtime: 'resource:torch',
        });
        expect(resultOf('air-gap', job)).toEqual({
          check: 'air-gap',
          status: 'unknown',
          reason:
            'The job sets no trainer image, and the images of its runtime resource:default/torch are not known',
          causedBy: 'resource:default/torch',
        });
      });

      it('when the job sets no trainer image and names no runtime', () => {
        const job = trainingJob('job', { trainer: {} });
        expect(resultOf('air-gap', job)).toMatchObject({
          status: 'unknown',
          reason:
            'The job sets no trainer image and names no runtime (spec.runtime)',
          causedBy: JOB_REF,
        });
      });
    });
  });

  describe('on a training runtime', () => {
    it('passes when every image is internal and pinned', () => {
      expect(resultOf('air-gap', runtime('torch', [INTERNAL_IMAGE]))).toEqual({
        check: 'air-gap',
        status: 'pass',
        reason: 'All 1 image(s) come from allowed registries, pinned by digest',
      });
    });

    it('fails on a public image', () => {
      expect(
        resultOf('air-gap', runtime('torch', [INTERNAL_IMAGE, PUBLIC_IMAGE])),
      ).toMatchObject({
        status: 'fail',
        causedBy: 'resource:default/torch',
      });
    });

    it.each([
      ['no images', undefined],
      ['an empty list', []],
      ['a non-string entry', [INTERNAL_IMAGE, 3]],
    ])('is unknown with %s', (_case, images) => {
      expect(resultOf('air-gap', runtime('torch', images))).toEqual({
        check: 'air-gap',
        status: 'unknown',
        reason: 'The runtime does not list its container images (spec.images)',
        causedBy: 'resource:default/torch',
      });
    });
  });
});
