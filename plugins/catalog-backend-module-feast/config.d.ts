import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

/** One Feast registry read by the Feast entity provider. */
interface FeastRegistryProviderConfig {
  /**
   * Where the registry is read from: set exactly one of `path`, `url`, `s3`
   * or `restUrl`. (Required)
   */
  registry: {
    /**
     * A local `registry.db` file; a relative path is resolved against the
     * backend's working directory (`packages/backend` under `yarn start`).
     */
    path?: string;
    /** An http(s) URL serving the bytes of a `registry.db`. */
    url?: string;
    /**
     * A `registry.db` in S3 or an S3-compatible store (MinIO, Ceph).
     * Credentials come from the AWS SDK default chain (environment
     * variables, shared config files, web identity, instance metadata).
     */
    s3?: {
      /** Bucket name. (Required) */
      bucket: string;
      /** Object key, for example `feast/registry.db`. (Required) */
      key: string;
      /** Region. Default: `us-east-1`. */
      region?: string;
      /** Endpoint of an S3-compatible store, for example `https://minio.internal:9000`. Default: AWS S3. */
      endpoint?: string;
      /** Path-style addressing (`<endpoint>/<bucket>/<key>`), needed by most S3-compatible stores. Default: false. */
      forcePathStyle?: boolean;
    };
    /**
     * Base URL of a Feast REST registry server (`feast serve_registry
     * --rest-api`, Feast 0.50 or later), including `/api/v1`, for example
     * `http://feast-registry:6572/api/v1`.
     */
    restUrl?: string;
  };
  /**
   * Bearer token sent as `Authorization: Bearer <token>` to `registry.url`
   * and `registry.restUrl`. Never logged. Default: none.
   *
   * @visibility secret
   */
  token?: string;
  /** Time limit of one registry read (ISO duration string or object). Default: 30 seconds. */
  timeout?: string | HumanDuration;
  /** Only these Feast projects are ingested. Default: every project of the registry. */
  projects?: string[];
  /**
   * Backstage namespace of every entity this registry emits. Two registries
   * that hold the same Feast project must use different namespaces: when
   * they do not, the registry that read the project first keeps it and the
   * other one skips it with an error in the log. Default: `default`.
   */
  namespace?: string;
  /**
   * Owner entity ref of objects that name no owner: used when neither the
   * Feast object's `owner` field, nor its `owner` / `team` tags, nor its
   * project's owner or tags give one. Without it such objects are owned by
   * `unknown`. Default: none.
   */
  owner?: string;
  /**
   * Template of the System name of a Feast project. `{{project}}` is the
   * project name and `{{registry}}` the registry id, both with `_` turned
   * into `-`; the result is made a valid entity name (hashed if it had to be
   * changed). Must contain `{{project}}`. Default: `{{project}}`, so project
   * `fraud_detection` becomes System `fraud-detection`.
   */
  system?: string;
  /**
   * Jurisdiction (`sovereign-ai.io/jurisdiction` annotation, for example
   * `eu-fr`) of objects whose tags (and whose project's tags) do not carry
   * one. Default: none (annotation left out).
   */
  jurisdiction?: string;
  /** Feast tag that carries the jurisdiction. Default: `jurisdiction`. */
  jurisdictionTag?: string;
  /**
   * Data classification (`sovereign-ai.io/data-classification` annotation:
   * `internal`, `confidential`, `restricted`) of objects whose tags do not
   * carry one. Default: none (annotation left out).
   */
  dataClassification?: string;
  /** Feast tag that carries the data classification. Default: `data_classification`, else `classification`. */
  dataClassificationTag?: string;
  /** Base URL of the Feast UI; adds a link to the object's Feast UI page. Default: no links. */
  uiUrl?: string;
  /**
   * A registry that read successfully but holds no objects although the
   * last applied read had some (or nothing was applied yet since start) is
   * only applied after this many consecutive empty reads, so that a
   * half-written registry cannot wipe the catalog. Default: 2.
   */
  emptyRegistryConfirmations?: number;
  /**
   * Schedule of the registry refresh. Default: every 10 minutes, timeout 5
   * minutes, initial delay 15 seconds.
   */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
}

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Feast registries to ingest, by registry id
       * (`catalog.providers.feast.<id>`); each runs as provider
       * `feast-provider:<id>`.
       */
      feast?: {
        [id: string]: FeastRegistryProviderConfig;
      };
    };
  };
}
