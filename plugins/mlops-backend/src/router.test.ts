import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import express from 'express';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { ClusterRequestError, TooManyRequestsError } from './lib/errors';
import { createRouter } from './router';
import type { ComplianceService } from './services/ComplianceService/ComplianceService';
import type { LineageService } from './services/LineageService/LineageService';
import type { TrainJobService } from './services/TrainJobService/TrainJobService';

const JOB = '/trainjobs/sovereign-fr/fraud-ml/fraud-detector-train-0419';

describe('createRouter', () => {
  let app: express.Express;
  let lineage: jest.Mocked<LineageService>;
  let trainJobs: jest.Mocked<TrainJobService>;
  let compliance: jest.Mocked<ComplianceService>;

  async function setup(httpAuth = mockServices.httpAuth()) {
    lineage = { getLineage: jest.fn(), getImpact: jest.fn() };
    trainJobs = {
      getStatus: jest.fn(),
      openLogs: jest.fn(),
      setSuspended: jest.fn(),
      delete: jest.fn(),
    };
    compliance = { getEntityCompliance: jest.fn(), getReport: jest.fn() };
    const router = await createRouter({
      httpAuth,
      lineage,
      trainJobs,
      compliance,
    });
    app = express().use(router).use(mockErrorHandler());
  }

  beforeEach(() => setup());

  it('passes the caller credentials and parsed parameters to lineage', async () => {
    lineage.getLineage.mockResolvedValue({} as any);
    const res = await request(app).get(
      '/lineage?entityRef=Resource:default/transactions&direction=upstream&depth=10&kinds=Model,FeatureView',
    );
    expect(res.status).toBe(200);
    expect(lineage.getLineage).toHaveBeenCalledWith(
      {
        entityRef: 'resource:default/transactions',
        direction: 'upstream',
        depth: 10,
        kinds: ['Model', 'FeatureView'],
      },
      { credentials: mockCredentials.user() },
    );
  });

  it('defaults to both directions and depth 3', async () => {
    lineage.getLineage.mockResolvedValue({} as any);
    await request(app).get('/lineage?entityRef=resource:default/x');
    expect(lineage.getLineage.mock.calls[0][0]).toMatchObject({
      direction: 'both',
      depth: 3,
      kinds: undefined,
    });
  });

  it.each([
    ['/lineage', 'Missing query parameter entityRef'],
    ['/lineage?entityRef=transactions', "Invalid entityRef 'transactions'"],
    ['/lineage?entityRef=resource:x&depth=0', "Invalid depth '0'"],
    ['/lineage?entityRef=resource:x&depth=11', 'from 1 to 10'],
    ['/lineage?entityRef=resource:x&depth=2.5', "Invalid depth '2.5'"],
    [
      '/lineage?entityRef=resource:x&direction=sideways',
      'expected one of upstream, downstream, both',
    ],
    [
      '/lineage?entityRef=resource:x&entityRef=resource:y',
      'must be given once',
    ],
    ['/lineage?entityRef=resource:x&kinds=Mo%20del', "Invalid kinds 'Mo del'"],
    ['/impact?entityRef=', 'Missing query parameter entityRef'],
    ['/compliance?entityRef=%3A%3A', 'Invalid entityRef'],
    ['/compliance/report?check=speed', "Invalid check 'speed'"],
    ['/compliance/report?status=ok', "Invalid status 'ok'"],
    ['/compliance/report?format=xml', "Invalid format 'xml'"],
    ['/trainjobs/sovereign-fr/Fraud_ML/job', "Invalid namespace 'Fraud_ML'"],
    [
      '/trainjobs/sovereign%20fr/fraud-ml/job',
      "Invalid cluster 'sovereign fr'",
    ],
    [`${JOB}/logs?tailLines=0`, "Invalid tailLines '0'"],
    [`${JOB}/logs?tailLines=10001`, 'from 1 to 10000'],
    [`${JOB}/logs?follow=yes`, "Invalid follow 'yes'"],
    [`${JOB}/logs?pod=../etc`, "Invalid pod '../etc'"],
    [`${JOB}/logs?container=Node_1`, "Invalid container 'Node_1'"],
  ])('answers 400 to %s', async (url, message) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
    expect(lineage.getLineage).not.toHaveBeenCalled();
    expect(trainJobs.openLogs).not.toHaveBeenCalled();
  });

  it('answers 401 without credentials, before touching a service', async () => {
    await setup(
      mockServices.httpAuth({ defaultCredentials: mockCredentials.none() }),
    );
    for (const [method, url] of [
      ['get', '/lineage?entityRef=resource:default/x'],
      ['get', '/impact?entityRef=resource:default/x'],
      ['get', '/compliance?entityRef=resource:default/x'],
      ['get', '/compliance/report'],
      ['get', JOB],
      ['get', `${JOB}/logs`],
      ['post', `${JOB}/suspend`],
      ['post', `${JOB}/resume`],
      ['delete', JOB],
    ] as const) {
      const res = await (request(app) as any)[method](url);
      expect([url, res.status]).toEqual([url, 401]);
    }
    expect(lineage.getLineage).not.toHaveBeenCalled();
    expect(trainJobs.getStatus).not.toHaveBeenCalled();
    expect(trainJobs.setSuspended).not.toHaveBeenCalled();
    expect(trainJobs.delete).not.toHaveBeenCalled();
  });

  it.each([
    [new NotFoundError('No entity x'), 404],
    [new NotAllowedError('You may not'), 403],
    [new TooManyRequestsError('Too many'), 429],
    [
      new ClusterRequestError('Cluster sovereign-fr did not answer (HTTP 401)'),
      502,
    ],
  ])('maps %s to HTTP %s', async (error, status) => {
    trainJobs.getStatus.mockRejectedValue(error);
    const res = await request(app).get(JOB);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toBe(error.message);
  });

  it('routes the actions with the path parameters', async () => {
    trainJobs.setSuspended.mockResolvedValue({} as any);
    await request(app).post(`${JOB}/suspend`).expect(200);
    await request(app).post(`${JOB}/resume`).expect(200);
    await request(app).delete(JOB).expect(204);
    const id = {
      cluster: 'sovereign-fr',
      namespace: 'fraud-ml',
      name: 'fraud-detector-train-0419',
    };
    expect(trainJobs.setSuspended.mock.calls.map(c => c.slice(0, 2))).toEqual([
      [id, true],
      [id, false],
    ]);
    expect(trainJobs.delete).toHaveBeenCalledWith(id, {
      credentials: mockCredentials.user(),
    });
  });

  it('streams logs and closes the upstream when the client goes away', async () => {
    const stream = new PassThrough();
    const close = jest.fn(() => stream.end());
    trainJobs.openLogs.mockResolvedValue({
      pod: 'p-0',
      container: 'node',
      stream,
      close,
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise(resolve => server.once('listening', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const controller = new AbortController();
    const response = await fetch(
      `http://127.0.0.1:${port}${JOB}/logs?follow=true&tailLines=5`,
      { signal: controller.signal },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-mlops-pod')).toBe('p-0');
    expect(trainJobs.openLogs.mock.calls[0][1]).toEqual({
      pod: undefined,
      container: undefined,
      tailLines: 5,
      follow: true,
    });
    stream.write('line 1\n');
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(Buffer.from(value!).toString()).toBe('line 1\n');
    expect(close).not.toHaveBeenCalled();
    controller.abort();
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(close).toHaveBeenCalled();
    server.close();
  });

  it('ends the response when the cluster breaks the log stream off', async () => {
    const stream = new PassThrough();
    const close = jest.fn();
    trainJobs.openLogs.mockResolvedValue({
      pod: 'p-0',
      container: 'node',
      stream,
      close,
    });
    const pending = request(app).get(`${JOB}/logs?follow=true`);
    setTimeout(() => {
      stream.write('line 1\n');
      stream.destroy(
        new ClusterRequestError(
          'Cluster sovereign-fr broke off the log stream',
        ),
      );
    }, 100);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.text).toBe('line 1\n');
    expect(close).toHaveBeenCalled();
  });

  it('answers the report as CSV when asked by format or Accept header', async () => {
    compliance.getReport.mockResolvedValue({
      generatedAt: '2026-01-01T00:00:00.000Z',
      filters: {},
      summary: { entities: 1, pass: 0, fail: 1, unknown: 0 },
      entities: [
        {
          entityRef: 'trainingjob:default/j',
          kind: 'TrainingJob',
          title: '=HYPERLINK("x")',
          status: 'fail',
          results: [{ check: 'air-gap', status: 'fail', reason: 'a, "b"' }],
        },
      ],
    });
    for (const res of [
      await request(app).get('/compliance/report?format=csv'),
      await request(app).get('/compliance/report').set('Accept', 'text/csv'),
    ]) {
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.text).toBe(
        'entityRef,kind,title,owner,system,entityStatus,check,status,reason,causedBy\r\n' +
          `trainingjob:default/j,TrainingJob,"'=HYPERLINK(""x"")",,,fail,air-gap,fail,"a, ""b""",\r\n`,
      );
    }
    const json = await request(app)
      .get('/compliance/report?format=json')
      .set('Accept', 'text/csv');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  it('passes report filters in full form', async () => {
    compliance.getReport.mockResolvedValue({} as any);
    await request(app).get(
      '/compliance/report?owner=fraud-ml,user:alice&system=fraud-detection&kind=Model&check=air-gap&status=fail,unknown',
    );
    expect(compliance.getReport.mock.calls[0][0]).toEqual({
      owner: ['group:default/fraud-ml', 'user:default/alice'],
      system: ['system:default/fraud-detection'],
      kind: ['Model'],
      check: ['air-gap'],
      status: ['fail', 'unknown'],
    });
  });
});
