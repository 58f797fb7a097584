import { FakeKubernetesApiServer } from '../kubernetes/FakeKubernetesApiServer';
import { FakeModelRegistryServer } from '../modelRegistry/FakeModelRegistryServer';
import { seedDemoStory } from './seedDemoStory';

/** A running demo cluster. */
export interface DemoCluster {
  k8s: FakeKubernetesApiServer;
  registry: FakeModelRegistryServer;
  /** Stops the live changes and both servers. */
  stop(): Promise<void>;
}

/**
 * Starts the fake Kubernetes API server and Model Registry on fixed
 * loopback ports, seeds the demo story and makes it live.
 */
export async function startDemoCluster(options: {
  kubernetesPort: number;
  modelRegistryPort: number;
  token?: string;
}): Promise<DemoCluster> {
  const k8s = await FakeKubernetesApiServer.start({
    port: options.kubernetesPort,
    token: options.token,
    // Watches of the demo see a bookmark every 15 s.
    bookmarkIntervalMs: 15_000,
  });
  let registry: FakeModelRegistryServer;
  try {
    registry = await FakeModelRegistryServer.start({
      port: options.modelRegistryPort,
      token: options.token,
    });
  } catch (error) {
    await k8s.close();
    throw error;
  }
  const stopLive = seedDemoStory(k8s, registry, { live: true });
  return {
    k8s,
    registry,
    async stop() {
      stopLive();
      await Promise.all([k8s.close(), registry.close()]);
    },
  };
}
