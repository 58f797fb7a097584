/*
 * The demo cluster for `yarn start`: a simulated Kubernetes API server with
 * Kubeflow Trainer and a Kubeflow Model Registry on loopback, seeded with
 * the demo story and live. Run with
 *   node --require @backstage/cli/config/nodeTransform.cjs packages/demo-cluster/src/start.ts
 * Ports: DEMO_KUBERNETES_PORT (7081) and DEMO_MODEL_REGISTRY_PORT (7082).
 */
import { startDemoCluster } from './demo/startDemoCluster';

function port(variable: string, fallback: number): number {
  const raw = process.env[variable];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(
      `${variable} must be a TCP port number (0 for a random one), got "${raw}"`,
    );
  }
  return value;
}

async function main() {
  const cluster = await startDemoCluster({
    kubernetesPort: port('DEMO_KUBERNETES_PORT', 7081),
    modelRegistryPort: port('DEMO_MODEL_REGISTRY_PORT', 7082),
    token: process.env.DEMO_CLUSTER_TOKEN || undefined,
  });
  process.stdout.write(
    [
      'Demo cluster (simulated, for yarn start) is up:',
      `  Kubernetes API (cluster sovereign-fr, Kubeflow Trainer v2.3): ${cluster.k8s.url}`,
      `  Kubeflow Model Registry: ${cluster.registry.url}/api/model_registry/v1alpha3`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Demo cluster: ${signal} received, stopping\n`);
    cluster.stop().then(
      () => process.exit(0),
      error => {
        process.stderr.write(`Demo cluster: stop failed: ${error}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // The servers' sockets keep the process alive until a signal arrives.
}

main().catch(error => {
  process.stderr.write(
    `Demo cluster failed to start: ${error?.stack ?? error}\n`,
  );
  process.exit(1);
});
