import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_DATA_CLASSIFICATION,
  ANNOTATION_FEAST_NAME,
  ANNOTATION_FEAST_PROJECT,
  ANNOTATION_FEAST_REGISTRY,
  ANNOTATION_FEAST_SOURCE_LOCATION,
  ANNOTATION_FEAST_SOURCE_TYPE,
  ANNOTATION_FEAST_TIMESTAMP_FIELD,
  ANNOTATION_JURISDICTION,
  type FeatureServiceEntityV1alpha1,
  type FeatureViewEntityKey,
  type FeatureViewEntityV1alpha1,
  featureServiceRef,
  KIND_FEATURE_SERVICE,
  KIND_FEATURE_VIEW,
  MLOPS_API_VERSION,
  RESOURCE_TYPE_DATASET,
  toEntityName,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import type {
  FeastDataSource,
  FeastEntity,
  FeastFeatureService,
  FeastFeatureView,
  FeastField,
  FeastObjectBase,
  FeastProject,
  FeastRegistrySnapshot,
  FeastSavedDataset,
} from '../registry/types';
import { toOwnerRef } from './ownerRef';
import { tagsToLabels } from './sanitize';

/**
 * How a Feast registry becomes catalog entities.
 *
 * @public
 */
export interface FeastTransformOptions {
  /** Id of the configured registry (`catalog.providers.feast.<id>`). */
  registryId: string;
  /** Backstage namespace of every emitted entity. */
  namespace: string;
  /** Owner ref used when neither the object nor its project names one. */
  defaultOwner?: string;
  /** Computes the System name of a project. */
  systemName: (project: string, registryId: string) => string;
  /** Feast tag holding the jurisdiction. */
  jurisdictionTag: string;
  defaultJurisdiction?: string;
  /** Feast tags holding the data classification, first match wins. */
  dataClassificationTags: string[];
  defaultDataClassification?: string;
  /** Base URL of the Feast UI, without trailing slash. */
  uiUrl?: string;
}

/** Owner of objects that name none when no default is configured. */
export const UNKNOWN_OWNER = 'unknown';

/** Feast's placeholder entity of entity-less views; not a real join key. */
const DUMMY_ENTITY = '__dummy';

const SOURCE_TYPES: Record<string, string> = {
  BATCH_FILE: 'file',
  BATCH_BIGQUERY: 'bigquery',
  STREAM_KAFKA: 'kafka',
  STREAM_KINESIS: 'kinesis',
  BATCH_REDSHIFT: 'redshift',
  CUSTOM_SOURCE: 'custom',
  REQUEST_SOURCE: 'request',
  BATCH_SNOWFLAKE: 'snowflake',
  PUSH_SOURCE: 'push',
  BATCH_TRINO: 'trino',
  BATCH_SPARK: 'spark',
  BATCH_ATHENA: 'athena',
  BATCH_ICEBERG: 'iceberg',
};

/**
 * Copies an object without its `undefined` values, so entities stay plain
 * JSON (a copy rather than `delete`, which makes objects slow dictionaries).
 */
function compact<T extends object>(value: T): T {
  const result = {} as T;
  for (const key in value) {
    if (value[key] !== undefined) result[key] = value[key];
  }
  return result;
}

function feature(field: FeastField) {
  const result: {
    name: string;
    dtype: string;
    description?: string;
    tags?: Record<string, string>;
  } = {
    name: field.name,
    dtype: field.valueType,
  };
  if (field.description !== undefined) result.description = field.description;
  for (const key in field.tags) {
    if (Object.prototype.hasOwnProperty.call(field.tags, key)) {
      result.tags = { ...field.tags };
      break;
    }
  }
  return result;
}

class RegistryTransformer {
  private readonly projects = new Map<string, FeastProject>();
  private readonly systems = new Map<string, string>();
  /** System refs by project: every entity of the project holds one. */
  private readonly systemRefs = new Map<string, string>();
  private readonly feastEntities = new Map<string, FeastEntity>();
  /** Entity names by project and Feast name: refs repeat them many times. */
  private readonly names = new Map<string, string>();
  private readonly location: string;

  constructor(
    private readonly snapshot: FeastRegistrySnapshot,
    private readonly options: FeastTransformOptions,
  ) {
    this.location = `feast:${options.registryId}`;
    for (const project of snapshot.projects) {
      this.projects.set(project.name, project);
      this.systems.set(
        project.name,
        options.systemName(project.name, options.registryId),
      );
    }
    for (const entity of snapshot.entities) {
      this.feastEntities.set(`${entity.project}\u0000${entity.name}`, entity);
    }
  }

  entities(): Entity[] {
    const { snapshot } = this;
    return [
      ...snapshot.projects.map(p => this.system(p)),
      ...snapshot.dataSources.map(s => this.dataSource(s)),
      ...snapshot.savedDatasets.map(d => this.savedDataset(d)),
      ...snapshot.featureViews.map(v => this.featureView(v)),
      ...snapshot.featureServices.map(s => this.featureService(s)),
    ];
  }

  private systemRef(project: string): string {
    let ref = this.systemRefs.get(project);
    if (ref === undefined) {
      ref = stringifyEntityRef({
        kind: 'System',
        namespace: this.options.namespace,
        name: this.systems.get(project) ?? toEntityName(project),
      });
      this.systemRefs.set(project, ref);
    }
    return ref;
  }

  private nameOf(project: string, name: string): string {
    const key = `${project}\u0000${name}`;
    let result = this.names.get(key);
    if (result === undefined) {
      result = toEntityName(project, name);
      this.names.set(key, result);
    }
    return result;
  }

  private datasetRef(project: string, name: string): string {
    return `resource:${this.options.namespace}/${this.nameOf(project, name)}`;
  }

  private featureViewRef(project: string, name: string): string {
    return `featureview:${this.options.namespace}/${this.nameOf(
      project,
      name,
    )}`;
  }

  private owner(object: FeastObjectBase | FeastProject): string {
    const project = this.projects.get(
      'project' in object ? object.project : object.name,
    );
    return (
      toOwnerRef(object.owner) ??
      toOwnerRef(object.tags.owner) ??
      toOwnerRef(object.tags.team) ??
      toOwnerRef(project?.owner) ??
      toOwnerRef(project?.tags.owner) ??
      toOwnerRef(project?.tags.team) ??
      this.options.defaultOwner ??
      UNKNOWN_OWNER
    );
  }

  private tag(
    object: FeastObjectBase | FeastProject,
    keys: string[],
  ): string | undefined {
    const project = this.projects.get(
      'project' in object ? object.project : object.name,
    );
    for (const tags of [object.tags, project?.tags ?? {}]) {
      for (const key of keys) {
        if (tags[key]?.trim()) return tags[key].trim();
      }
    }
    return undefined;
  }

  private link(project: string, page?: string) {
    if (!this.options.uiUrl) return undefined;
    const path = [
      'p',
      encodeURIComponent(project),
      ...(page ? page.split('/').map(encodeURIComponent) : []),
    ].join('/');
    return [
      {
        url: `${this.options.uiUrl}/${path}`,
        title: 'Open in Feast UI',
        type: 'feast-ui',
      },
    ];
  }

  private metadata(
    name: string,
    object: FeastObjectBase | FeastProject,
    project: string,
    uiPage: string | undefined,
    extraAnnotations: Record<string, string | undefined> = {},
  ) {
    const { options } = this;
    const annotations: Record<string, string | undefined> = {
      [ANNOTATION_LOCATION]: this.location,
      [ANNOTATION_ORIGIN_LOCATION]: this.location,
      [ANNOTATION_FEAST_PROJECT]: project,
      [ANNOTATION_FEAST_NAME]: object.name,
      [ANNOTATION_FEAST_REGISTRY]: options.registryId,
      [ANNOTATION_JURISDICTION]:
        this.tag(object, [options.jurisdictionTag]) ??
        options.defaultJurisdiction,
      [ANNOTATION_DATA_CLASSIFICATION]:
        this.tag(object, options.dataClassificationTags) ??
        options.defaultDataClassification,
      ...extraAnnotations,
    };
    return compact({
      name,
      namespace: options.namespace,
      title: object.name,
      description: object.description,
      labels: tagsToLabels(object.tags),
      annotations: compact(annotations) as Record<string, string>,
      links: this.link(project, uiPage),
    });
  }

  private system(project: FeastProject): Entity {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: this.metadata(
        this.systems.get(project.name)!,
        project,
        project.name,
        undefined,
      ),
      spec: { owner: this.owner(project) },
    };
  }

  private dataSource(source: FeastDataSource): Entity {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: this.metadata(
        this.nameOf(source.project, source.name),
        source,
        source.project,
        `data-source/${source.name}`,
        {
          [ANNOTATION_FEAST_SOURCE_TYPE]:
            SOURCE_TYPES[source.sourceType] ?? source.sourceType.toLowerCase(),
          [ANNOTATION_FEAST_SOURCE_LOCATION]: source.location,
          [ANNOTATION_FEAST_TIMESTAMP_FIELD]: source.timestampField,
        },
      ),
      spec: compact({
        type: RESOURCE_TYPE_DATASET,
        owner: this.owner(source),
        system: this.systemRef(source.project),
        // A push or stream source lands its data in its batch source.
        dependsOn: source.batchSource
          ? [this.datasetRef(source.project, source.batchSource)]
          : undefined,
      }),
    };
  }

  private savedDataset(dataset: FeastSavedDataset): Entity {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: this.metadata(
        toEntityName(dataset.project, 'saved-dataset', dataset.name),
        dataset,
        dataset.project,
        `data-set/${dataset.name}`,
        {
          [ANNOTATION_FEAST_SOURCE_TYPE]: 'saved-dataset',
          [ANNOTATION_FEAST_SOURCE_LOCATION]: dataset.location,
        },
      ),
      spec: compact({
        type: RESOURCE_TYPE_DATASET,
        owner: this.owner(dataset),
        system: this.systemRef(dataset.project),
        dependsOn: dataset.featureService
          ? [
              featureServiceRef(
                dataset.project,
                dataset.featureService,
                this.options.namespace,
              ),
            ]
          : undefined,
      }),
    };
  }

  private entityKeysOf(view: FeastFeatureView): FeatureViewEntityKey[] {
    return view.entities
      .filter(name => name !== DUMMY_ENTITY)
      .map(name => {
        const entity = this.feastEntities.get(`${view.project}\u0000${name}`);
        const joinKey = entity?.joinKey ?? name;
        const valueType =
          entity?.valueType ??
          view.entityColumns.find(c => c.name === joinKey)?.valueType;
        return compact({
          name,
          joinKeys: [joinKey],
          valueType,
          description: entity?.description,
        });
      });
  }

  private featureView(view: FeastFeatureView): FeatureViewEntityV1alpha1 {
    const sources = [
      ...view.dataSources.map(name => this.datasetRef(view.project, name)),
      ...view.featureViews.map(name => this.featureViewRef(view.project, name)),
    ];
    return {
      apiVersion: MLOPS_API_VERSION,
      kind: KIND_FEATURE_VIEW,
      metadata: this.metadata(
        this.nameOf(view.project, view.name),
        view,
        view.project,
        `feature-view/${view.name}`,
      ),
      spec: compact({
        type: view.kind,
        owner: this.owner(view),
        system: this.systemRef(view.project),
        entities: this.entityKeysOf(view),
        features: view.features.map(feature),
        ttlSeconds: view.ttlSeconds,
        online: view.online,
        sources,
      }),
    };
  }

  private featureService(
    service: FeastFeatureService,
  ): FeatureServiceEntityV1alpha1 {
    return {
      apiVersion: MLOPS_API_VERSION,
      kind: KIND_FEATURE_SERVICE,
      metadata: this.metadata(
        this.nameOf(service.project, service.name),
        service,
        service.project,
        `feature-service/${service.name}`,
      ),
      spec: compact({
        owner: this.owner(service),
        system: this.systemRef(service.project),
        features: service.projections.map(p =>
          compact({
            featureView: this.featureViewRef(service.project, p.featureView),
            features: p.features,
            alias: p.alias,
          }),
        ),
      }),
    };
  }
}

/**
 * Maps a {@link FeastRegistrySnapshot} to catalog entities: a System per
 * project, a `dataset` Resource per data source and saved dataset, a
 * FeatureView per (stream, on-demand) feature view and a FeatureService per
 * feature service.
 *
 * @public
 */
export function transformRegistry(
  snapshot: FeastRegistrySnapshot,
  options: FeastTransformOptions,
): Entity[] {
  return new RegistryTransformer(snapshot, options).entities();
}
