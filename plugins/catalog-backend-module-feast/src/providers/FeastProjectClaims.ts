/**
 * Which registry emits which Feast project into which Backstage namespace,
 * shared by the providers of one backend. Two registries holding the same
 * project would otherwise emit the same entity refs and fight over them; the
 * first registry to read a project keeps it, the other one skips it until
 * the first no longer holds it.
 *
 * The claims live in memory: with several backend replicas each replica
 * checks the registries whose refresh it runs, and the catalog's own
 * location-key conflict check still keeps the first writer's entities.
 *
 * @public
 */
export class FeastProjectClaims {
  private readonly claims = new Map<string, string>();

  /**
   * Claims `projects` in `namespace` for `registryId`, releases the ones it
   * held but no longer reads, and returns the projects it may emit together
   * with the conflicting ones and the registry that holds them.
   */
  claim(
    registryId: string,
    namespace: string,
    projects: string[],
  ): {
    granted: string[];
    conflicts: Array<{ project: string; heldBy: string }>;
  } {
    const wanted = new Set(projects.map(p => this.key(namespace, p)));
    for (const [key, holder] of this.claims) {
      if (holder === registryId && !wanted.has(key)) this.claims.delete(key);
    }
    const granted: string[] = [];
    const conflicts: Array<{ project: string; heldBy: string }> = [];
    for (const project of projects) {
      const key = this.key(namespace, project);
      const holder = this.claims.get(key);
      if (holder === undefined || holder === registryId) {
        this.claims.set(key, registryId);
        granted.push(project);
      } else {
        conflicts.push({ project, heldBy: holder });
      }
    }
    return { granted, conflicts };
  }

  private key(namespace: string, project: string): string {
    // Entity refs compare case-insensitively.
    return `${namespace}\u0000${project}`.toLocaleLowerCase('en-US');
  }
}
