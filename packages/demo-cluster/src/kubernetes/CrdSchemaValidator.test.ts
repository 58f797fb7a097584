import { InputError } from '@backstage/errors';
import { loadAll } from 'js-yaml';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CrdSchemaValidator } from './CrdSchemaValidator';
import { TrainerKind } from './resourceTypes';

const examplesDir = join(__dirname, '../__fixtures__/examples');
const runtimesDir = join(__dirname, '../../runtimes');

function documents(dir: string): any[] {
  return readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f => loadAll(readFileSync(join(dir, f), 'utf8')))
    .filter(Boolean);
}

function trainJob(spec: object, name = 'job') {
  return {
    apiVersion: 'trainer.kubeflow.org/v1alpha1',
    kind: 'TrainJob',
    metadata: { name, namespace: 'ns' },
    spec: { runtimeRef: { name: 'torch-distributed' }, ...spec },
  };
}

describe('CrdSchemaValidator', () => {
  const v23 = CrdSchemaValidator.forVersion('v2.3.0');
  const v21 = CrdSchemaValidator.forVersion('v2.1.0');

  it('accepts every upstream v2.3.0 example and default runtime', () => {
    const objects = [...documents(examplesDir), ...documents(runtimesDir)];
    expect(objects.map(o => o.kind).sort()).toEqual([
      'ClusterTrainingRuntime',
      'ClusterTrainingRuntime',
      'ClusterTrainingRuntime',
      'ClusterTrainingRuntime',
      'TrainJob',
      'TrainJob',
      'TrainJob',
      'TrainJob',
      'TrainJob',
      'TrainJob',
      'TrainingRuntime',
    ]);
    for (const object of objects) {
      expect(() =>
        v23.validate(object.kind as TrainerKind, structuredClone(object)),
      ).not.toThrow();
    }
  });

  it('rejects a v2.1-only field on a v2.3 server, naming the path', () => {
    const job = trainJob({
      podTemplateOverrides: [{ targetJobs: [{ name: 'node' }] }],
    });
    expect(() => v23.validate('TrainJob', job)).toThrow(InputError);
    expect(() => v23.validate('TrainJob', job)).toThrow(
      /TrainJob\.trainer\.kubeflow\.org "job" is invalid against the Kubeflow Trainer v2\.3\.0 CRD: unknown field "spec\.podTemplateOverrides"/,
    );
    expect(() => v21.validate('TrainJob', structuredClone(job))).not.toThrow();
  });

  it('rejects a v2.3-only field on a v2.1 server', () => {
    const job = trainJob({ runtimePatches: [{ manager: 'example.io/x' }] });
    expect(() => v21.validate('TrainJob', job)).toThrow(
      /unknown field "spec\.runtimePatches"/,
    );
    expect(() => v23.validate('TrainJob', structuredClone(job))).not.toThrow();
  });

  it('reports type, format and required errors with the field path', () => {
    expect(() =>
      v23.validate('TrainJob', trainJob({ trainer: { numNodes: 'two' } })),
    ).toThrow(/spec\.trainer\.numNodes: Invalid value: "two": must be integer/);
    expect(() =>
      v23.validate('TrainJob', trainJob({ trainer: { numNodes: 2 ** 31 } })),
    ).toThrow(
      /spec\.trainer\.numNodes: Invalid value: 2147483648: must match format "int32"/,
    );
    const noRuntime: any = trainJob({});
    delete noRuntime.spec.runtimeRef;
    expect(() => v23.validate('TrainJob', noRuntime)).toThrow(
      /spec\.runtimeRef: Required value/,
    );
    expect(() =>
      v23.validate(
        'TrainJob',
        trainJob({
          trainer: {
            env: [
              { name: 'A', value: '1' },
              { name: 'A', value: '2' },
            ],
          },
        }),
      ),
    ).toThrow(/spec\.trainer\.env: Invalid value: .*Duplicate value: \["A"\]/);
  });

  it('checks x-kubernetes-int-or-string fields', () => {
    for (const numProcPerNode of ['auto', 4]) {
      expect(() =>
        v21.validate('TrainJob', trainJob({ trainer: { numProcPerNode } })),
      ).not.toThrow();
    }
    expect(() =>
      v21.validate('TrainJob', trainJob({ trainer: { numProcPerNode: true } })),
    ).toThrow(/spec\.trainer\.numProcPerNode/);
    // v2.3 made it a plain int32.
    expect(() =>
      v23.validate(
        'TrainJob',
        trainJob({ trainer: { numProcPerNode: 'auto' } }),
      ),
    ).toThrow(/spec\.trainer\.numProcPerNode: Invalid value: "auto"/);
  });

  it('applies the schema defaults, as the API server does', () => {
    const job: any = trainJob({});
    v23.validate('TrainJob', job);
    expect(job.spec.runtimeRef).toEqual({
      name: 'torch-distributed',
      apiGroup: 'trainer.kubeflow.org',
      kind: 'ClusterTrainingRuntime',
    });
    expect(job.spec.suspend).toBe(false);
  });

  it('checks status fields of the status subresource', () => {
    const job: any = trainJob({});
    job.status = {
      trainerStatus: {
        progressPercentage: 140,
        lastUpdatedTime: '2026-11-27T10:00:00Z',
      },
    };
    expect(() => v23.validate('TrainJob', job)).toThrow(
      /status\.trainerStatus\.progressPercentage: Invalid value: 140: must be <= 100/,
    );
    job.status = {
      trainerStatus: { progressPercentage: 40, lastUpdatedTime: 'yesterday' },
    };
    expect(() => v23.validate('TrainJob', job)).toThrow(
      /status\.trainerStatus\.lastUpdatedTime: Invalid value: "yesterday": must match format "date-time"/,
    );
  });
});
