import { KubeConfig } from '@kubernetes/client-node';
import type { KubeflowCluster } from './KubeflowCluster';

/**
 * Builds a `@kubernetes/client-node` KubeConfig with a single context for
 * one cluster: its URL, CA and service-account bearer token.
 *
 * @public
 */
export function makeKubeConfig(cluster: KubeflowCluster): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url.replace(/\/+$/, ''),
        // client-node refuses plain-HTTP servers unless TLS verification is
        // off; with http:// there is no TLS to verify in the first place.
        skipTLSVerify:
          cluster.skipTLSVerify || cluster.url.startsWith('http://'),
        caData: cluster.caData,
        caFile: cluster.caFile,
      },
    ],
    users: [{ name: 'backstage', token: cluster.serviceAccountToken }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'backstage' },
    ],
    currentContext: cluster.name,
  });
  return kubeConfig;
}
