export interface Config {
  mlops?: {
    /**
     * The sovereignty policy: where ML assets may lie, which images and
     * sources they may use and where models are kept. Evaluated on every
     * TrainingJob, Model, training runtime and data asset (compliance card,
     * page and report) and by the scaffolder before a job is created.
     *
     * An empty list means "nothing configured": a check that needs it
     * reports `unknown` with the key to set, never `pass`. Unknown keys and
     * malformed values stop the backend at start with a message naming the
     * key.
     */
    sovereignty?: {
      /**
       * Jurisdictions (data-residency zones) by name, for example `eu-fr`,
       * matching the values of the `sovereign-ai.io/jurisdiction` annotation.
       * A cluster, region, storage host or bucket belongs to one
       * jurisdiction only. Default: none (residency and classification
       * report `unknown`).
       */
      jurisdictions?: {
        [name: string]: {
          /**
           * Kubernetes clusters in this jurisdiction, by the name the
           * Kubeflow Trainer provider gives them (`spec.cluster` of a
           * TrainingJob). A job runs in the jurisdiction of its cluster.
           * Default: none.
           */
          clusters?: string[];
          /**
           * Cloud or site regions in this jurisdiction; an asset without a
           * jurisdiction annotation lies here when its
           * `topology.kubernetes.io/region` label names one. Default: none.
           */
          regions?: string[];
          /**
           * Storage hosts whose data lies in this jurisdiction, for example
           * `minio.fr.internal`; `*.example.com` matches sub-domains. Used
           * for `https://`, `oci://` and Azure storage URIs. Default: none.
           */
          storageHosts?: string[];
          /**
           * Object-store buckets (or Azure containers) whose data lies in
           * this jurisdiction, for example `models-fr` for
           * `s3://models-fr/...`. Default: none.
           */
          buckets?: string[];
        };
      };
      /**
       * Registries images may come from: a host (`registry.example.com`) or
       * a host/path prefix (`registry.example.com/ml`, matching whole path
       * components). Docker Hub is `docker.io`. Default: none (air-gap
       * reports `unknown` for every image).
       */
      allowedImageRegistries?: string[];
      /**
       * Whether every image must be pinned by digest (`@sha256:...`).
       * Default: false.
       */
      requireImageDigest?: boolean;
      /**
       * The organisation's own storage: every model artifact must lie in
       * it. A URI is allowed when its scheme is listed (or `schemes` is
       * empty) and its bucket or host is listed (or both lists are empty).
       * A URI with no host or bucket, such as `pvc://claim/path`, is
       * allowed only by a listed scheme. Default: none of the three
       * (autonomy reports `unknown`).
       */
      allowedStorage?: {
        /** URI schemes without `://`, for example `s3`, `pvc`. Default: any scheme. */
        schemes?: string[];
        /** Storage hosts; `*.example.com` matches sub-domains. Default: none. */
        hosts?: string[];
        /** Buckets (or Azure containers). Default: none. */
        buckets?: string[];
      };
      /**
       * Prefixes of URIs and image references nothing may be read from, for
       * example `hf://`, `https://huggingface.co/`, `docker.io/`. Matched
       * case-insensitively against initializer storage URIs and against
       * normalised image references (`pytorch/pytorch` is
       * `docker.io/pytorch/pytorch`). Default: none (air-gap reports
       * `unknown` for jobs with initializer URIs).
       */
      forbiddenSources?: string[];
      /**
       * Annotations every asset must carry to pass governance (which also
       * requires `spec.owner`). Default:
       * `['sovereign-ai.io/jurisdiction', 'sovereign-ai.io/data-classification']`.
       */
      requiredAnnotations?: string[];
      /**
       * Where data of a classification (`sovereign-ai.io/data-classification`)
       * may be used; a classification without a rule is not restricted.
       * Each rule must set `sameJurisdictionOnly` or `allowedJurisdictions`.
       * Default: none (classification reports `unknown`).
       */
      classificationRules?: Array<{
        /** The classification, for example `restricted`. */
        classification: string;
        /**
         * Data of this classification may only be used by jobs running in
         * the jurisdiction the data lies in. Default: false.
         */
        sameJurisdictionOnly?: boolean;
        /**
         * Data of this classification may only be used by jobs running in
         * these jurisdictions (names from `jurisdictions`). Default: any.
         */
        allowedJurisdictions?: string[];
      }>;
    };
  };
}
