/** A custom property value (`MetadataValue`, discriminated by `metadataType`). */
export interface MetadataValue {
  metadataType?: string;
  string_value?: string;
  int_value?: string | number;
  double_value?: number;
  bool_value?: boolean;
  [key: string]: unknown;
}

interface BaseResource {
  id: string;
  name: string;
  description?: string;
  externalId?: string;
  customProperties?: Record<string, MetadataValue>;
  /** Milliseconds since epoch, as a string. */
  createTimeSinceEpoch?: string;
  lastUpdateTimeSinceEpoch?: string;
}

/** A RegisteredModel of the Model Registry REST API (v1alpha3). */
export interface RegisteredModel extends BaseResource {
  owner?: string;
  state?: 'LIVE' | 'ARCHIVED' | string;
  maturity?: string;
  tasks?: string[];
}

/** A ModelVersion of the Model Registry REST API (v1alpha3). */
export interface ModelVersion extends BaseResource {
  registeredModelId: string;
  author?: string;
  state?: 'LIVE' | 'ARCHIVED' | string;
}

/** A ModelArtifact of the Model Registry REST API (v1alpha3). */
export interface ModelArtifact extends BaseResource {
  artifactType?: string;
  uri?: string;
  state?: string;
  modelFormatName?: string;
  modelFormatVersion?: string;
}

/** Everything read from one registry in one run. */
export interface RegistrySnapshot {
  models: RegisteredModel[];
  versions: ModelVersion[];
  /** Model artifacts by model version id. */
  artifacts: Map<string, ModelArtifact[]>;
}
