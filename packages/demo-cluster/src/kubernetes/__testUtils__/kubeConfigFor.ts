import { KubeConfig } from '@kubernetes/client-node';

/** A KubeConfig whose only cluster is the fake API server at `url`. */
export function kubeConfigFor(url: string, token = 'unused'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: url, skipTLSVerify: true }],
    users: [{ name: 'tester', token }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'tester' }],
    currentContext: 'fake',
  });
  return kc;
}
