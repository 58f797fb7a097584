/**
 * A Kubernetes cluster running Kubeflow Trainer, as configured for the
 * Sovereign ML plugins.
 *
 * @public
 */
export interface KubeflowCluster {
  /** Cluster name: part of every entity name and ref built from it. */
  name: string;
  /** Base URL of the Kubernetes API server. */
  url: string;
  /** Bearer token of a service account allowed to read Trainer objects. */
  serviceAccountToken?: string;
  /** Base64 PEM of the CA that signed the API server certificate. */
  caData?: string;
  /** Path of a PEM file of that CA. */
  caFile?: string;
  /** Skip TLS certificate verification (test clusters only). */
  skipTLSVerify: boolean;
  /** Default jurisdiction of what runs on the cluster, e.g. `eu-fr`. */
  jurisdiction?: string;
  /** Default data classification of what runs on the cluster. */
  dataClassification?: string;
}
