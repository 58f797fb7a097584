/**
 * A feature, entity column or request field of a Feast object.
 *
 * @public
 */
export interface FeastField {
  name: string;
  /** Feast value type name, for example `INT64`; `INVALID` when unset. */
  valueType: string;
  description?: string;
  tags: Record<string, string>;
}

/**
 * Fields every Feast object that becomes a catalog entity carries.
 *
 * @public
 */
export interface FeastObjectBase {
  project: string;
  name: string;
  description?: string;
  /** The object's own `owner` field, if set. */
  owner?: string;
  tags: Record<string, string>;
}

/**
 * A Feast project.
 *
 * @public
 */
export interface FeastProject {
  name: string;
  description?: string;
  owner?: string;
  tags: Record<string, string>;
}

/**
 * A Feast entity (the join key a feature view is keyed by).
 *
 * @public
 */
export interface FeastEntity extends FeastObjectBase {
  joinKey: string;
  /** Value type of the join key, when the registry records it. */
  valueType?: string;
}

/**
 * A Feast data source, top-level or recovered from an embedded copy.
 *
 * @public
 */
export interface FeastDataSource extends FeastObjectBase {
  /** Feast `SourceType` name, for example `BATCH_FILE` or `PUSH_SOURCE`. */
  sourceType: string;
  /** Path, URI, table, query or topic the data is read from. */
  location?: string;
  timestampField?: string;
  /** Name of the batch source behind a stream or push source. */
  batchSource?: string;
  /** Request schema of a request source. */
  schema: FeastField[];
}

/**
 * A Feast FeatureView, StreamFeatureView or OnDemandFeatureView.
 *
 * @public
 */
export interface FeastFeatureView extends FeastObjectBase {
  kind: 'batch' | 'stream' | 'on-demand';
  /** Names of the Feast entities the view is keyed by. */
  entities: string[];
  features: FeastField[];
  entityColumns: FeastField[];
  ttlSeconds?: number;
  online: boolean;
  /** Names of the data sources the view reads. */
  dataSources: string[];
  /** Names of the feature views the view reads (on-demand and derived views). */
  featureViews: string[];
}

/**
 * The features a FeatureService selects from one view.
 *
 * @public
 */
export interface FeastProjection {
  featureView: string;
  features: string[];
  alias?: string;
}

/**
 * A Feast FeatureService.
 *
 * @public
 */
export interface FeastFeatureService extends FeastObjectBase {
  projections: FeastProjection[];
}

/**
 * A Feast SavedDataset (a training dataset retrieved through a feature
 * service and stored).
 *
 * @public
 */
export interface FeastSavedDataset extends FeastObjectBase {
  featureService?: string;
  /** `view:feature` references. */
  features: string[];
  location?: string;
}

/**
 * Everything the provider reads from one Feast registry, independent of how
 * it was read (registry file or REST server).
 *
 * @public
 */
export interface FeastRegistrySnapshot {
  projects: FeastProject[];
  entities: FeastEntity[];
  dataSources: FeastDataSource[];
  featureViews: FeastFeatureView[];
  featureServices: FeastFeatureService[];
  savedDatasets: FeastSavedDataset[];
}

/**
 * Reads a Feast registry into a {@link FeastRegistrySnapshot}. Throws when the
 * registry cannot be read or is not a Feast registry; the error message never
 * contains a credential or a URL.
 *
 * @public
 */
export interface FeastRegistryReader {
  read(): Promise<FeastRegistrySnapshot>;
}
