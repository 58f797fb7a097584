/** Receives appended log text of a followed container. */
export interface LogFollower {
  write(text: string): void;
  end(): void;
}

interface ContainerLog {
  text: string;
  followers: Set<LogFollower>;
}

/** Options of a log read (the `pods/log` query parameters). */
export interface LogReadOptions {
  tailLines?: number;
  limitBytes?: number;
}

/**
 * Container logs of the fake cluster, by namespace, pod and container,
 * with live followers (`follow=true`) that receive every appended line.
 */
export class PodLogStore {
  private readonly logs = new Map<string, ContainerLog>();

  set(namespace: string, pod: string, container: string, text: string) {
    this.entry(namespace, pod, container).text = text;
  }

  append(namespace: string, pod: string, container: string, text: string) {
    const entry = this.entry(namespace, pod, container);
    entry.text += text;
    for (const follower of entry.followers) follower.write(text);
  }

  read(
    namespace: string,
    pod: string,
    container: string,
    options: LogReadOptions = {},
  ): string {
    let text = this.logs.get(key(namespace, pod, container))?.text ?? '';
    if (options.tailLines !== undefined) {
      const lines = text.split('\n');
      const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
      text =
        options.tailLines > 0
          ? lines.slice(-options.tailLines).join('\n') +
            (trailing !== undefined ? '\n' : '')
          : '';
    }
    if (options.limitBytes !== undefined) {
      text = Buffer.from(text).subarray(0, options.limitBytes).toString();
    }
    return text;
  }

  /** Streams every later append to `follower`; returns the unsubscribe. */
  follow(
    namespace: string,
    pod: string,
    container: string,
    follower: LogFollower,
  ): () => void {
    const entry = this.entry(namespace, pod, container);
    entry.followers.add(follower);
    return () => entry.followers.delete(follower);
  }

  /** Ends the followers of a container (it terminated) or of a whole pod. */
  end(namespace: string, pod: string, container?: string) {
    for (const [k, entry] of this.logs) {
      if (
        container
          ? k === key(namespace, pod, container)
          : k.startsWith(key(namespace, pod, ''))
      ) {
        for (const follower of entry.followers) follower.end();
        entry.followers.clear();
      }
    }
  }

  /** Forgets the logs of a deleted pod and ends its followers. */
  deletePod(namespace: string, pod: string) {
    this.end(namespace, pod);
    for (const k of [...this.logs.keys()]) {
      if (k.startsWith(key(namespace, pod, ''))) this.logs.delete(k);
    }
  }

  private entry(namespace: string, pod: string, container: string) {
    const k = key(namespace, pod, container);
    let entry = this.logs.get(k);
    if (!entry) {
      entry = { text: '', followers: new Set() };
      this.logs.set(k, entry);
    }
    return entry;
  }
}

function key(namespace: string, pod: string, container: string) {
  return `${namespace}/${pod}/${container}`;
}
