import { NotFoundError } from '@backstage/errors';
import { IncomingMessage, ServerResponse } from 'node:http';
import { PodLogStore } from './PodLogStore';
import { ResourceStore } from './ResourceStore';
import { resourceTypeForKind } from './resourceTypes';
import { KubernetesStatusError } from './status';

/**
 * Answers `GET .../pods/<name>/log` (container, tailLines, limitBytes,
 * follow). A followed log of a running container stays open and streams
 * appended text until the container ends or the client leaves.
 */
export function servePodLogs(
  store: ResourceStore,
  logs: PodLogStore,
  namespace: string,
  podName: string,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const pod = store.get(
    resourceTypeForKind('v1', 'Pod')!,
    namespace,
    podName,
  ) as any;
  if (!pod) throw new NotFoundError(`pods "${podName}" not found`);
  const containers: string[] = [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ].map((c: any) => c.name);
  let container = query.get('container');
  if (!container) {
    const main = (pod.spec?.containers ?? []).map((c: any) => c.name);
    if (main.length !== 1) {
      throw new KubernetesStatusError(
        400,
        `a container name must be specified for pod ${podName}, choose one of: [${main.join(
          ' ',
        )}]`,
      );
    }
    container = main[0] as string;
  }
  if (!containers.includes(container)) {
    throw new KubernetesStatusError(
      400,
      `container ${container} is not valid for pod ${podName}`,
    );
  }
  const tailLines = query.get('tailLines');
  const limitBytes = query.get('limitBytes');
  const text = logs.read(namespace, podName, container, {
    tailLines: tailLines ? Number(tailLines) : undefined,
    limitBytes: limitBytes ? Number(limitBytes) : undefined,
  });
  const terminated = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ].some((s: any) => s.name === container && s.state?.terminated);
  const follow = query.get('follow') === 'true' || query.get('follow') === '1';
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  if (!follow || terminated) {
    res.end(text);
    return;
  }
  res.write(text);
  const stop = logs.follow(namespace, podName, container, {
    write: chunk => res.write(chunk),
    end: () => {
      stop();
      res.end();
    },
  });
  req.on('close', stop);
  res.on('close', stop);
}
