import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  RELATION_DEPENDS_ON,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KIND_FEATURE_SERVICE,
  KIND_FEATURE_VIEW,
  KIND_MODEL,
  KIND_TRAINING_JOB,
  RESOURCE_TYPE_DATASET,
  RESOURCE_TYPE_TRAINING_RUNTIME,
  evaluateCompliance,
  overallComplianceStatus,
  type ComplianceResult,
  type SovereigntyPolicy,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import type {
  ComplianceReportFilters,
  ComplianceReportResponse,
  EntityComplianceResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  normalizeRef,
  ownerOf,
  refOfEntity,
  tryNormalizeRef,
} from '../LineageService/lineageNode';
import { walkLineage } from '../LineageService/walkLineage';
import { COMPLIANCE_FIELDS, ComplianceGraph } from './ComplianceGraph';
import type { ComplianceService } from './ComplianceService';

/** The ML assets the report covers, as one catalog filter (OR of both). */
const ML_ASSETS_FILTER: Array<Record<string, string | string[]>> = [
  {
    kind: [
      KIND_FEATURE_VIEW,
      KIND_FEATURE_SERVICE,
      KIND_TRAINING_JOB,
      KIND_MODEL,
    ],
  },
  {
    kind: 'Resource',
    'spec.type': [RESOURCE_TYPE_DATASET, RESOURCE_TYPE_TRAINING_RUNTIME],
  },
];
const NAME_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
/** Lineage in a compliance context is followed this far (cycles are cut anyway). */
const CONTEXT_DEPTH = 50;
/** Page size of the streamed catalog reads of the report. */
const PAGE_SIZE = 1000;

function systemOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(
    r => r.type === RELATION_PART_OF && r.targetRef.startsWith('system:'),
  );
  const fromRelation = relation && tryNormalizeRef(relation.targetRef);
  if (fromRelation) {
    return fromRelation;
  }
  const system = entity.spec?.system;
  if (typeof system !== 'string' || !system) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Hides the cause of a result when the caller may not read the entity
 * that caused it: the status stays true, nothing about that entity leaks.
 */
function redact(
  results: ComplianceResult[],
  readable: (ref: string) => boolean,
): ComplianceResult[] {
  return results.map(result => {
    if (!result.causedBy || readable(tryNormalizeRef(result.causedBy) ?? '')) {
      return result;
    }
    return {
      check: result.check,
      status: result.status,
      reason:
        'Caused by an entity you are not allowed to see; ask its owner or an administrator',
    };
  });
}

/**
 * {@link ComplianceService} on the catalog. Lineage neighbourhoods are read
 * with the plugin's own credentials, so a check never passes because the
 * caller cannot see the entity that breaks it; results are then shown only
 * for entities the caller may read, and causes the caller may not read are
 * redacted.
 *
 * @public
 */
export class CatalogComplianceService implements ComplianceService {
  /** Creates the service. */
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    policy: SovereigntyPolicy;
  }): CatalogComplianceService {
    return new CatalogComplianceService(
      options.catalog,
      options.auth,
      options.policy,
    );
  }

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly policy: SovereigntyPolicy,
  ) {}

  async getEntityCompliance(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityComplianceResponse> {
    const ref = normalizeRef(entityRef);
    const [visible] = (
      await this.catalog.getEntitiesByRefs(
        { entityRefs: [ref], fields: NAME_FIELDS },
        { credentials: options.credentials },
      )
    ).items;
    if (!visible) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    const service = await this.auth.getOwnServiceCredentials();
    const fetchLevel = async (refs: string[]) =>
      (
        await this.catalog.getEntitiesByRefs(
          { entityRefs: refs, fields: COMPLIANCE_FIELDS },
          { credentials: service },
        )
      ).items;
    const [entity] = await fetchLevel([ref]);
    if (!entity) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    const walk = await walkLineage(
      entity,
      ['upstream', 'downstream'],
      CONTEXT_DEPTH,
      fetchLevel,
    );
    const entities = [...walk.reached.values()].map(r => r.entity);
    // A job's training runtime is not lineage, but its images are checked.
    const runtimes = (entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => tryNormalizeRef(r.targetRef))
      .filter((r): r is string => Boolean(r) && !walk.reached.has(r!));
    if (runtimes.length > 0) {
      for (const runtime of await fetchLevel(runtimes)) {
        if (runtime) entities.push(runtime);
      }
    }
    const results = evaluateCompliance(
      entity,
      new ComplianceGraph(entities).contextOf(ref),
      this.policy,
    );

    const causes = [
      ...new Set(
        results
          .map(r => r.causedBy && tryNormalizeRef(r.causedBy))
          .filter((r): r is string => Boolean(r) && r !== ref),
      ),
    ];
    const readable = new Set([ref]);
    if (causes.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: causes, fields: NAME_FIELDS },
        { credentials: options.credentials },
      );
      causes.forEach((cause, i) => items[i] && readable.add(cause));
    }
    return this.toResponse(
      entity,
      redact(results, r => readable.has(r)),
    );
  }

  async getReport(
    filters: ComplianceReportFilters,
    options: { credentials: BackstageCredentials },
  ): Promise<ComplianceReportResponse> {
    const service = await this.auth.getOwnServiceCredentials();
    const [all, readableRefs] = await Promise.all([
      this.readAll(COMPLIANCE_FIELDS, service),
      this.readAll(NAME_FIELDS, options.credentials).then(
        entities => new Set(entities.map(refOfEntity)),
      ),
    ]);
    const graph = new ComplianceGraph(all);
    const kinds = filters.kind?.map(k => k.toLocaleLowerCase('en-US'));
    const entities: EntityComplianceResponse[] = [];
    for (const entity of graph.all()) {
      const ref = refOfEntity(entity);
      if (
        !readableRefs.has(ref) ||
        (kinds && !kinds.includes(entity.kind.toLocaleLowerCase('en-US'))) ||
        (filters.owner && !filters.owner.includes(ownerOf(entity) ?? '')) ||
        (filters.system && !filters.system.includes(systemOf(entity) ?? ''))
      ) {
        continue;
      }
      let results = evaluateCompliance(
        entity,
        graph.contextOf(ref),
        this.policy,
      );
      if (filters.check) {
        results = results.filter(r => filters.check!.includes(r.check));
        if (results.length === 0) continue;
      }
      const response = this.toResponse(
        entity,
        redact(results, r => readableRefs.has(r)),
      );
      if (filters.status && !filters.status.includes(response.status)) {
        continue;
      }
      entities.push(response);
    }
    entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    return {
      generatedAt: new Date().toISOString(),
      filters,
      summary: {
        entities: entities.length,
        pass: entities.filter(e => e.status === 'pass').length,
        fail: entities.filter(e => e.status === 'fail').length,
        unknown: entities.filter(e => e.status === 'unknown').length,
      },
      entities,
    };
  }

  /** Every ML asset, in pages, with only the given fields. */
  private async readAll(
    fields: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const result: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { filter: ML_ASSETS_FILTER, fields, pageSize: PAGE_SIZE },
      { credentials },
    )) {
      result.push(...page);
    }
    return result;
  }

  private toResponse(
    entity: Entity,
    results: ComplianceResult[],
  ): EntityComplianceResponse {
    const owner = ownerOf(entity);
    const system = systemOf(entity);
    return {
      entityRef: refOfEntity(entity),
      kind: entity.kind,
      title:
        typeof entity.metadata.title === 'string' && entity.metadata.title
          ? entity.metadata.title
          : entity.metadata.name,
      ...(owner ? { owner } : {}),
      ...(system ? { system } : {}),
      status: overallComplianceStatus(results),
      results,
    };
  }
}
