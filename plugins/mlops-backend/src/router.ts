import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  COMPLIANCE_CHECKS,
  MLOPS_KINDS,
  type ComplianceCheck,
  type ComplianceStatus,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import {
  CLUSTER_NAME,
  DNS_LABEL,
  DNS_SUBDOMAIN,
  booleanParam,
  enumParam,
  integerParam,
  listParam,
  optionalParam,
  pathParam,
  requiredEntityRef,
} from './lib/parseParams';
import type { ComplianceService } from './services/ComplianceService/ComplianceService';
import { toComplianceCsv } from './services/ComplianceService/toComplianceCsv';
import {
  DEFAULT_LINEAGE_DEPTH,
  MAX_LINEAGE_DEPTH,
  type LineageService,
} from './services/LineageService/LineageService';
import type {
  TrainJobId,
  TrainJobService,
} from './services/TrainJobService/TrainJobService';

/** Default and largest `tailLines` of the log route. */
const DEFAULT_TAIL_LINES = 1000;
const MAX_TAIL_LINES = 10_000;
const KIND = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
const STATUSES: ComplianceStatus[] = ['pass', 'fail', 'unknown'];
/**
 * Users and services only: the HTTP router already refuses anonymous
 * requests by default, this keeps it so if a policy ever opens a path.
 */
const ALLOW = { allow: ['user', 'service'] as Array<'user' | 'service'> };

function trainJobId(req: Request): TrainJobId {
  return {
    cluster: pathParam(
      req.params.cluster,
      'cluster',
      CLUSTER_NAME,
      'a cluster name (letters, digits, . _ -)',
    ),
    namespace: pathParam(
      req.params.namespace,
      'namespace',
      DNS_LABEL,
      'a Kubernetes namespace (lower-case DNS label)',
    ),
    name: pathParam(
      req.params.name,
      'name',
      DNS_LABEL,
      'a TrainJob name (lower-case DNS label)',
    ),
  };
}

function refList(
  query: Request['query'],
  key: string,
  defaultKind: string,
): string[] | undefined {
  return listParam(query, key, /^[^,\s]{1,255}$/, 'entity refs')?.map(value => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
      ).toLocaleLowerCase('en-US');
    } catch {
      throw new InputError(
        `Invalid ${key} '${value.slice(
          0,
          100,
        )}': expected an entity ref such as ${defaultKind}:default/name`,
      );
    }
  });
}

/**
 * Creates the router of the mlops backend (mounted at `/api/mlops`). Every
 * route reads the caller's credentials and hands them to the services,
 * which read the catalog as the caller.
 *
 * @public
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  lineage: LineageService;
  trainJobs: TrainJobService;
  compliance: ComplianceService;
}): Promise<express.Router> {
  const { httpAuth, lineage, trainJobs, compliance } = options;
  const router = Router();
  router.use(express.json());

  router.get('/lineage', async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    const entityRef = requiredEntityRef(req.query);
    const direction = enumParam(
      req.query,
      'direction',
      ['upstream', 'downstream', 'both'] as const,
      'both',
    );
    const depth = integerParam(req.query, 'depth', {
      min: 1,
      max: MAX_LINEAGE_DEPTH,
      fallback: DEFAULT_LINEAGE_DEPTH,
    });
    const kinds = listParam(
      req.query,
      'kinds',
      KIND,
      `kind names such as ${MLOPS_KINDS.join(', ')}`,
    );
    res.json(
      await lineage.getLineage(
        { entityRef, direction, depth, kinds },
        { credentials },
      ),
    );
  });

  router.get('/impact', async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    const entityRef = requiredEntityRef(req.query);
    res.json(await lineage.getImpact(entityRef, { credentials }));
  });

  router.get('/compliance/report', async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    const format = enumParam(
      req.query,
      'format',
      ['json', 'csv'] as const,
      'json',
    );
    const filters = {
      owner: refList(req.query, 'owner', 'group'),
      system: refList(req.query, 'system', 'system'),
      kind: listParam(req.query, 'kind', KIND, 'kind names'),
      check: listParam(
        req.query,
        'check',
        new RegExp(`^(${COMPLIANCE_CHECKS.join('|')})$`),
        `checks among ${COMPLIANCE_CHECKS.join(', ')}`,
      ) as ComplianceCheck[] | undefined,
      status: listParam(
        req.query,
        'status',
        /^(pass|fail|unknown)$/,
        `statuses among ${STATUSES.join(', ')}`,
      ) as ComplianceStatus[] | undefined,
    };
    const report = await compliance.getReport(
      Object.fromEntries(
        Object.entries(filters).filter(([, v]) => v !== undefined),
      ),
      { credentials },
    );
    const wantsCsv =
      format === 'csv' ||
      (optionalParam(req.query, 'format') === undefined &&
        req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (wantsCsv) {
      res
        .type('text/csv; charset=utf-8')
        .attachment('sovereignty-report.csv')
        .send(toComplianceCsv(report));
      return;
    }
    res.json(report);
  });

  router.get('/compliance', async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    const entityRef = requiredEntityRef(req.query);
    res.json(await compliance.getEntityCompliance(entityRef, { credentials }));
  });

  const trainJobPath = '/trainjobs/:cluster/:namespace/:name';

  router.get(trainJobPath, async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    res.json(await trainJobs.getStatus(trainJobId(req), { credentials }));
  });

  router.get(`${trainJobPath}/logs`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    const id = trainJobId(req);
    const pod = optionalParam(req.query, 'pod');
    const container = optionalParam(req.query, 'container');
    const request = {
      pod: pod && pathParam(pod, 'pod', DNS_SUBDOMAIN, 'a pod name'),
      container:
        container &&
        pathParam(container, 'container', DNS_LABEL, 'a container name'),
      tailLines: integerParam(req.query, 'tailLines', {
        min: 1,
        max: MAX_TAIL_LINES,
        fallback: DEFAULT_TAIL_LINES,
      }),
      follow: booleanParam(req.query, 'follow', false),
    };
    const logs = await trainJobs.openLogs(id, request, { credentials });
    // 'close' on the response fires when it ended or the client went away:
    // either way the upstream request to the cluster must stop.
    res.on('close', logs.close);
    // A stream the cluster broke off mid-way: the status line is sent
    // already, so the client sees the log end early.
    logs.stream.on('error', () => {
      logs.close();
      res.end();
    });
    res.status(200);
    res.set({
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'X-Mlops-Pod': logs.pod,
      'X-Mlops-Container': logs.container,
    });
    res.flushHeaders();
    logs.stream.pipe(res);
  });

  router.post(`${trainJobPath}/suspend`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    res.json(
      await trainJobs.setSuspended(trainJobId(req), true, { credentials }),
    );
  });

  router.post(`${trainJobPath}/resume`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    res.json(
      await trainJobs.setSuspended(trainJobId(req), false, { credentials }),
    );
  });

  router.delete(trainJobPath, async (req, res) => {
    const credentials = await httpAuth.credentials(req, ALLOW);
    await trainJobs.delete(trainJobId(req), { credentials });
    res.status(204).end();
  });

  return router;
}
