export interface Config {
  mlops?: {
    /**
     * Settings of the scaffolder actions (`mlops:*`). The sovereignty policy
     * they enforce is `mlops.sovereignty` (see
     * `@sovereign-ai/backstage-plugin-mlops-common`).
     */
    scaffolder?: {
      /**
       * How training jobs reach the organisation's Feast deployments: the
       * client side of each Feast registry, written into the
       * `feature_store.yaml` of every scaffolded training project by
       * `mlops:feast:resolve`. Keyed by registry id: use the same id as
       * `catalog.providers.feast.<id>`, because a FeatureService is matched
       * by its `feast.dev/registry` annotation first, then by `projects`,
       * then as the only entry. These are in-cluster endpoints; nothing here
       * is sent to the browser. Default: none (`mlops:feast:resolve` fails
       * and names this key).
       */
      feast?: {
        [registryId: string]: {
          /**
           * Feast projects served by this registry; used to match
           * FeatureServices that carry no `feast.dev/registry` annotation.
           * Default: none (matched by id or as the only entry).
           */
          projects?: string[];
          /**
           * The remote registry server (`feast serve_registry`, gRPC), as
           * `host:port`, for example
           * `feast-registry.feast.svc.cluster.local:6570`. (Required)
           */
          registry: string;
          /**
           * Path of the CA certificate inside the training container that
           * signs the registry server's TLS certificate. Default: none
           * (plain gRPC inside the cluster).
           */
          registryCert?: string;
          /**
           * The remote offline store server (`feast serve_offline`, Arrow
           * Flight) that computes historical features. (Required)
           */
          offlineStore: {
            /** Host name, for example `feast-offline.feast.svc.cluster.local`. (Required) */
            host: string;
            /** Port. Default: 8815. */
            port?: number;
            /** `grpc` or `grpc+tls`. Default: `grpc`. */
            scheme?: 'grpc' | 'grpc+tls';
            /** Path of the CA certificate inside the training container, for `grpc+tls`. Default: none. */
            cert?: string;
          };
          /**
           * How the training job authenticates to Feast: `no_auth`,
           * `kubernetes` (its service account token) or `oidc`.
           * Default: `kubernetes`.
           */
          auth?: 'no_auth' | 'kubernetes' | 'oidc';
        };
      };
    };
  };
}
