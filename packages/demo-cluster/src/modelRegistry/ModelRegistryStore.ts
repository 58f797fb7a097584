import { InputError, NotFoundError } from '@backstage/errors';
import { MetadataValue, toCustomProperties } from './metadataValues';

/** State of a RegisteredModel or ModelVersion. */
export type RegistryState = 'LIVE' | 'ARCHIVED';

/** State of an artifact (ml-metadata Artifact.State). */
export type ArtifactState =
  | 'UNKNOWN'
  | 'PENDING'
  | 'LIVE'
  | 'MARKED_FOR_DELETION'
  | 'DELETED'
  | 'ABANDONED'
  | 'REFERENCE';

interface BaseEntity {
  id: string;
  name: string;
  description?: string;
  externalId?: string;
  customProperties: Record<string, MetadataValue>;
  createTimeSinceEpoch: string;
  lastUpdateTimeSinceEpoch: string;
}

/** A RegisteredModel as the REST API returns it. */
export interface RegisteredModel extends BaseEntity {
  owner?: string;
  state: RegistryState;
}

/** A ModelVersion as the REST API returns it. */
export interface ModelVersion extends BaseEntity {
  registeredModelId: string;
  author?: string;
  state: RegistryState;
}

/** A ModelArtifact as the REST API returns it. */
export interface ModelArtifact extends BaseEntity {
  artifactType: 'model-artifact';
  uri: string;
  state: ArtifactState;
  modelFormatName?: string;
  modelFormatVersion?: string;
  storageKey?: string;
  storagePath?: string;
  serviceAccountName?: string;
  modelSourceKind?: string;
  modelSourceClass?: string;
  modelSourceGroup?: string;
  modelSourceId?: string;
  modelSourceName?: string;
}

/** Fields a caller may set on a new RegisteredModel. */
export interface RegisteredModelInput {
  name: string;
  description?: string;
  externalId?: string;
  owner?: string;
  state?: RegistryState;
  customProperties?: Record<string, unknown>;
}

/** Fields a caller may set on a new ModelVersion. */
export interface ModelVersionInput {
  name: string;
  description?: string;
  externalId?: string;
  author?: string;
  state?: RegistryState;
  customProperties?: Record<string, unknown>;
}

/** Fields a caller may set on a new ModelArtifact. */
export interface ModelArtifactInput {
  name: string;
  uri: string;
  description?: string;
  externalId?: string;
  state?: ArtifactState;
  modelFormatName?: string;
  modelFormatVersion?: string;
  storageKey?: string;
  storagePath?: string;
  serviceAccountName?: string;
  modelSourceKind?: string;
  modelSourceClass?: string;
  modelSourceGroup?: string;
  modelSourceId?: string;
  modelSourceName?: string;
  customProperties?: Record<string, unknown>;
}

/** Sort key of a list (`orderBy`). */
export type OrderBy = 'ID' | 'CREATE_TIME' | 'LAST_UPDATE_TIME';

/** A list request: paging and order. */
export interface PageRequest {
  pageSize: number;
  orderBy: OrderBy;
  sortOrder: 'ASC' | 'DESC';
  nextPageToken?: string;
}

/** A page as the REST API returns it. */
export interface Page<T> {
  items: T[];
  size: number;
  pageSize: number;
  nextPageToken: string;
}

function sortValue(entity: BaseEntity, orderBy: OrderBy): number {
  switch (orderBy) {
    case 'CREATE_TIME':
      return Number(entity.createTimeSinceEpoch);
    case 'LAST_UPDATE_TIME':
      return Number(entity.lastUpdateTimeSinceEpoch);
    default:
      return Number(entity.id);
  }
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * The entities of the fake Model Registry. Ids follow ml-metadata: models
 * and versions are contexts and share one sequence, artifacts have their
 * own. Epoch times and ids are strings, as in the v1alpha3 API.
 */
export class ModelRegistryStore {
  private nextContextId = 1;
  private nextArtifactId = 1;
  private lastTime = 0;
  readonly models = new Map<string, RegisteredModel>();
  readonly versions = new Map<string, ModelVersion>();
  readonly artifacts = new Map<string, ModelArtifact>();
  /** Artifact id → id of the ModelVersion it is attributed to. */
  private readonly artifactVersion = new Map<string, string>();
  /** Indexes that keep adds and child lists O(1) at benchmark sizes. */
  private readonly modelIdByName = new Map<string, string>();
  private readonly versionIdByName = new Map<string, string>();
  private readonly artifactIdsByVersion = new Map<string, string[]>();

  addRegisteredModel(input: RegisteredModelInput): RegisteredModel {
    if (!input.name) throw new InputError('a RegisteredModel needs a name');
    const existing = this.modelIdByName.get(input.name);
    if (existing) {
      throw new InputError(
        `a RegisteredModel named "${input.name}" already exists (id ${existing})`,
      );
    }
    const time = this.now();
    const model: RegisteredModel = defined({
      id: String(this.nextContextId++),
      name: input.name,
      description: input.description,
      externalId: input.externalId,
      owner: input.owner,
      state: input.state ?? 'LIVE',
      customProperties: toCustomProperties(input.customProperties),
      createTimeSinceEpoch: time,
      lastUpdateTimeSinceEpoch: time,
    });
    this.models.set(model.id, model);
    this.modelIdByName.set(model.name, model.id);
    return model;
  }

  addModelVersion(registeredModelId: string, input: ModelVersionInput) {
    if (!this.models.has(registeredModelId)) {
      throw new NotFoundError(
        `no RegisteredModel with id ${registeredModelId}`,
      );
    }
    if (!input.name) throw new InputError('a ModelVersion needs a name');
    if (this.versionIdByName.has(`${registeredModelId}/${input.name}`)) {
      throw new InputError(
        `RegisteredModel ${registeredModelId} already has a version "${input.name}"`,
      );
    }
    const time = this.now();
    const version: ModelVersion = defined({
      id: String(this.nextContextId++),
      name: input.name,
      description: input.description,
      externalId: input.externalId,
      registeredModelId,
      author: input.author,
      state: input.state ?? 'LIVE',
      customProperties: toCustomProperties(input.customProperties),
      createTimeSinceEpoch: time,
      lastUpdateTimeSinceEpoch: time,
    });
    this.versions.set(version.id, version);
    this.versionIdByName.set(
      `${registeredModelId}/${version.name}`,
      version.id,
    );
    return version;
  }

  addModelArtifact(modelVersionId: string, input: ModelArtifactInput) {
    if (!this.versions.has(modelVersionId)) {
      throw new NotFoundError(`no ModelVersion with id ${modelVersionId}`);
    }
    if (!input.name || !input.uri) {
      throw new InputError('a ModelArtifact needs a name and a uri');
    }
    const time = this.now();
    const { customProperties, state, ...fields } = input;
    const artifact: ModelArtifact = defined({
      ...fields,
      id: String(this.nextArtifactId++),
      artifactType: 'model-artifact' as const,
      state: state ?? 'UNKNOWN',
      customProperties: toCustomProperties(customProperties),
      createTimeSinceEpoch: time,
      lastUpdateTimeSinceEpoch: time,
    });
    this.artifacts.set(artifact.id, artifact);
    this.artifactVersion.set(artifact.id, modelVersionId);
    const siblings = this.artifactIdsByVersion.get(modelVersionId) ?? [];
    siblings.push(artifact.id);
    this.artifactIdsByVersion.set(modelVersionId, siblings);
    return artifact;
  }

  /** Applies changed fields to a RegisteredModel, as a PATCH would. */
  updateRegisteredModel(
    id: string,
    changes: Partial<Omit<RegisteredModelInput, 'name'>>,
  ): RegisteredModel {
    return this.update(this.models, id, 'RegisteredModel', changes);
  }

  /** Applies changed fields to a ModelVersion, as a PATCH would. */
  updateModelVersion(
    id: string,
    changes: Partial<Omit<ModelVersionInput, 'name'>>,
  ): ModelVersion {
    return this.update(this.versions, id, 'ModelVersion', changes);
  }

  /** Applies changed fields to a ModelArtifact, as a PATCH would. */
  updateModelArtifact(
    id: string,
    changes: Partial<Omit<ModelArtifactInput, 'name'>>,
  ): ModelArtifact {
    return this.update(this.artifacts, id, 'ModelArtifact', changes);
  }

  /** Artifacts attributed to a ModelVersion. */
  artifactsOf(modelVersionId: string): ModelArtifact[] {
    return (this.artifactIdsByVersion.get(modelVersionId) ?? []).map(
      id => this.artifacts.get(id)!,
    );
  }

  /** The ModelVersion an artifact is attributed to. */
  versionOfArtifact(artifactId: string): string | undefined {
    return this.artifactVersion.get(artifactId);
  }

  /** One page of `entities` in the requested order. */
  page<T extends BaseEntity>(
    entities: Iterable<T>,
    request: PageRequest,
  ): Page<T> {
    const direction = request.sortOrder === 'DESC' ? -1 : 1;
    const compare = (a: T, b: T) =>
      direction *
      (sortValue(a, request.orderBy) - sortValue(b, request.orderBy) ||
        Number(a.id) - Number(b.id));
    let sorted = [...entities].sort(compare);
    if (request.nextPageToken) {
      const after = this.decodeToken(request.nextPageToken, request);
      sorted = sorted.filter(
        e =>
          direction *
            (sortValue(e, request.orderBy) - after.value ||
              Number(e.id) - after.id) >
          0,
      );
    }
    const items = sorted.slice(0, request.pageSize);
    const last = items[items.length - 1];
    const nextPageToken =
      sorted.length > items.length && last
        ? Buffer.from(
            JSON.stringify({
              orderBy: request.orderBy,
              sortOrder: request.sortOrder,
              value: sortValue(last, request.orderBy),
              id: Number(last.id),
            }),
          ).toString('base64')
        : '';
    return {
      items: structuredClone(items),
      size: items.length,
      pageSize: request.pageSize,
      nextPageToken,
    };
  }

  private decodeToken(token: string, request: PageRequest) {
    try {
      const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
      if (
        decoded.orderBy === request.orderBy &&
        decoded.sortOrder === request.sortOrder &&
        typeof decoded.value === 'number' &&
        typeof decoded.id === 'number'
      ) {
        return decoded as { value: number; id: number };
      }
    } catch {
      // reported below
    }
    throw new InputError(
      'invalid nextPageToken: pass back the token of the previous page with the same orderBy and sortOrder',
    );
  }

  private update<T extends BaseEntity>(
    map: Map<string, T>,
    id: string,
    label: string,
    changes: Record<string, unknown>,
  ): T {
    const existing = map.get(id);
    if (!existing) throw new NotFoundError(`no ${label} with id ${id}`);
    const { customProperties, ...fields } = changes;
    const updated = defined({
      ...existing,
      ...fields,
      ...(customProperties
        ? {
            customProperties: {
              ...existing.customProperties,
              ...toCustomProperties(
                customProperties as Record<string, unknown>,
              ),
            },
          }
        : {}),
      lastUpdateTimeSinceEpoch: this.now(),
    }) as T;
    map.set(id, updated);
    return updated;
  }

  /** Milliseconds since epoch, strictly increasing so orders are stable. */
  private now(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return String(this.lastTime);
  }
}
