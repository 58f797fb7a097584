import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';

/**
 * An EntityProviderConnection that applies mutations to an in-memory set the
 * way the catalog does (full replaces, delta upserts and removes), so tests
 * can look at what the catalog would hold.
 */
export class FakeConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  readonly entities = new Map<string, Entity>();
  private waiters: Array<() => void> = [];

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    this.mutations.push(mutation);
    if (mutation.type === 'full') {
      this.entities.clear();
      for (const { entity } of mutation.entities) {
        this.entities.set(stringifyEntityRef(entity), entity);
      }
    } else {
      for (const { entity } of mutation.added) {
        this.entities.set(stringifyEntityRef(entity), entity);
      }
      for (const removed of mutation.removed) {
        const ref =
          'entityRef' in removed
            ? removed.entityRef
            : stringifyEntityRef(removed.entity);
        this.entities.delete(ref);
      }
    }
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach(w => w());
  }

  async refresh(): Promise<void> {}

  get(ref: string): Entity | undefined {
    return this.entities.get(ref);
  }

  refs(kind?: string): string[] {
    return [...this.entities.keys()]
      .filter(ref => !kind || ref.startsWith(`${kind.toLocaleLowerCase()}:`))
      .sort();
  }

  /** Resolves once `predicate` holds after some mutation (or now). */
  async waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error('Timed out waiting for the expected catalog state');
      }
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, Math.min(remaining, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
