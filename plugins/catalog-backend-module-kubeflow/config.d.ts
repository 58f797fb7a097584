import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Kubeflow Trainer entity providers, by provider id. Each provider
       * lists and watches TrainJobs, TrainingRuntimes and
       * ClusterTrainingRuntimes on its clusters and emits TrainingJob
       * entities, `training-runtime` Resources and `dataset` Resources (for
       * dataset initializer URIs). Provider name:
       * `kubeflow-trainer-provider:<id>`.
       */
      kubeflowTrainer?: {
        [id: string]: {
          /**
           * (Required) The clusters to read. Each entry is either the name
           * of a cluster declared for the Kubernetes plugin under
           * `kubernetes.clusterLocatorMethods` (type `config`, auth provider
           * `serviceAccount`), an object `{ name, jurisdiction?,
           * dataClassification? }` referencing such a cluster, or an inline
           * cluster with `url`.
           */
          clusters: Array<
            | string
            | {
                /** (Required) Cluster name, part of every entity name built from it. */
                name: string;
                /**
                 * (Optional) API server URL. When set, the entry is an inline
                 * cluster; when not set, `name` refers to a cluster of the
                 * Kubernetes plugin.
                 */
                url?: string;
                /**
                 * (Optional) Service account token sent as bearer token.
                 * Inline clusters only.
                 * @visibility secret
                 */
                serviceAccountToken?: string;
                /** (Optional) Base64 PEM CA bundle of the API server. Inline clusters only. */
                caData?: string;
                /** (Optional) Path of a PEM CA file. Inline clusters only. */
                caFile?: string;
                /** (Optional) Skip TLS verification. Default: false. Inline clusters only. */
                skipTLSVerify?: boolean;
                /**
                 * (Optional) Jurisdiction given to every TrainJob and runtime
                 * of this cluster that does not carry the label or annotation
                 * `sovereign-ai.io/jurisdiction` itself, e.g. `eu-fr`.
                 * Default: none.
                 */
                jurisdiction?: string;
                /**
                 * (Optional) Data classification given to every TrainJob of
                 * this cluster that does not carry
                 * `sovereign-ai.io/data-classification`. Default: none.
                 */
                dataClassification?: string;
              }
          >;
          /**
           * (Optional) Kubernetes namespaces to read TrainJobs and
           * TrainingRuntimes from. Default: all namespaces.
           * ClusterTrainingRuntimes are always read.
           */
          namespaces?: string[];
          /**
           * (Optional) Kubernetes label selector applied to TrainJobs, e.g.
           * `backstage.io/kubernetes-id`. Default: every TrainJob.
           */
          labelSelector?: string;
          /**
           * (Required) Entity ref of the owner of the emitted entities, e.g.
           * `group:default/fraud-ml` or `fraud-ml`.
           */
          owner: string;
          /**
           * (Optional) Owner of the `training-runtime` Resources, usually the
           * platform team. Default: `owner`.
           */
          runtimeOwner?: string;
          /**
           * (Optional) Catalog namespace of the FeatureService entities that
           * the `feast.dev/feature-service` annotation points at.
           * Default: `default`.
           */
          feastNamespace?: string;
          /**
           * (Optional) Which finished TrainJobs become entities. Unfinished
           * jobs (Pending, Running, Suspended) and every job that a Model
           * version points at (`spec.versions[].producedBy` of the Model
           * entities in the catalog) are always kept. Default: keep all.
           */
          retention?: {
            /** (Optional) Keep at most this many jobs per cluster namespace, newest first. */
            maxJobsPerNamespace?: number;
            /**
             * (Optional) Drop finished jobs created longer ago than this, as
             * an ISO 8601 duration (`P30D`), a string such as `30 days`, or
             * an object such as `{ days: 30 }`.
             */
            maxAge?: string | HumanDuration;
          };
          /**
           * (Optional) Watch for changes between full lists. When false, every
           * run of the task lists everything and returns (polling).
           * Default: true.
           */
          watch?: boolean;
          /**
           * (Optional) How often the objects are listed again in full while
           * watching, to repair anything a watch may have missed.
           * Default: `{ hours: 1 }`.
           */
          fullResyncInterval?: string | HumanDuration;
          /**
           * (Optional) Page size of list calls (`limit`). Default: 500.
           */
          pageSize?: number;
          /**
           * (Optional) The scheduled task that syncs the clusters. With
           * `watch` on, one run lists what it needs and watches until its
           * `timeout`, and the next run resumes from the last
           * resourceVersion; with `watch` off, one run is one full list
           * every `frequency`. The task is global, so one backend replica at
           * a time syncs this provider's clusters.
           * Default: `{ frequency: { seconds: 30 }, timeout: { minutes: 10 } }`.
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
      /**
       * Kubeflow Model Registry entity providers, by provider id. Each reads
       * registered models, their versions and model artifacts and emits one
       * Model entity per registered model. Provider name:
       * `kubeflow-model-registry-provider:<id>`.
       */
      kubeflowModelRegistry?: {
        [id: string]: {
          /**
           * (Required) Base URL of the Model Registry REST server, without
           * the `/api/model_registry/v1alpha3` suffix.
           */
          baseUrl: string;
          /**
           * (Optional) Bearer token (for example a service account token
           * accepted by kube-rbac-proxy). Default: none.
           * @visibility secret
           */
          token?: string;
          /** (Required) Entity ref of the owner of the emitted Models. */
          owner: string;
          /**
           * (Optional) Emit archived models and versions (models with
           * lifecycle `deprecated`). Default: true.
           */
          includeArchived?: boolean;
          /** (Optional) Jurisdiction of models that carry no `sovereign-ai.io/jurisdiction` custom property. Default: none. */
          jurisdiction?: string;
          /** (Optional) Data classification of models that carry no `sovereign-ai.io/data-classification` custom property. Default: none. */
          dataClassification?: string;
          /** (Optional) Catalog namespace of the FeatureService entities referred to by `feast.feature_service`. Default: `default`. */
          feastNamespace?: string;
          /** (Optional) `pageSize` of list calls. Default: 100. */
          pageSize?: number;
          /** (Optional) Timeout of one HTTP request. Default: `{ seconds: 30 }`. */
          requestTimeout?: string | HumanDuration;
          /**
           * (Optional) Schedule of the full read.
           * Default: `{ frequency: { minutes: 5 }, timeout: { minutes: 3 } }`.
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
    };
  };
}
