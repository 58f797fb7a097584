import { HumanDuration } from '@backstage/types';

export interface Config {
  mlops?: {
    /**
     * (Optional) Clusters the live TrainJob routes (`/trainjobs/...`) may
     * talk to, in addition to those of the Kubeflow Trainer providers (see
     * `useTrainerProviderClusters`). Each entry is either the name of a
     * cluster declared for the Kubernetes plugin under
     * `kubernetes.clusterLocatorMethods` (type `config`, auth provider
     * `serviceAccount`), an object `{ name }` referencing such a cluster, or
     * an inline cluster with `url`. The service account needs get/patch/delete
     * on `trainjobs.trainer.kubeflow.org` and get/list on pods, pods/log and
     * events in the TrainJob namespaces. Default: none.
     */
    clusters?: Array<
      | string
      | {
          /** (Required) Cluster name, as in `kubeflow.org/cluster` annotations. */
          name: string;
          /** (Optional) API server URL; makes the entry an inline cluster. */
          url?: string;
          /**
           * (Optional) Service account token sent as bearer token. Inline
           * clusters only.
           * @visibility secret
           */
          serviceAccountToken?: string;
          /** (Optional) Base64 PEM CA bundle of the API server. Inline clusters only. */
          caData?: string;
          /** (Optional) Path of a PEM CA file. Inline clusters only. */
          caFile?: string;
          /** (Optional) Skip TLS verification. Default: false. Inline clusters only. */
          skipTLSVerify?: boolean;
        }
    >;
    /**
     * (Optional) Also serve every cluster listed under
     * `catalog.providers.kubeflowTrainer.<id>.clusters`, so that the live
     * routes reach exactly the clusters the catalog ingests TrainJobs from.
     * A cluster listed in several places must resolve to the same URL and
     * token. Default: true.
     */
    useTrainerProviderClusters?: boolean;
    /**
     * (Optional) Timeout of one Kubernetes API request of the live routes
     * (log streams excepted), as an object such as `{ seconds: 10 }` or a
     * string such as `10s`. A cluster that does not answer in time gives
     * HTTP 502. Default: `{ seconds: 10 }`.
     */
    clusterRequestTimeout?: string | HumanDuration;
    logs?: {
      /**
       * (Optional) Log streams (`/trainjobs/.../logs`) one user may have
       * open at a time; more give HTTP 429. Default: 3.
       */
      maxConcurrentStreamsPerUser?: number;
    };
  };
}
