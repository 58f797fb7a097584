import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KIND_MODEL } from '@sovereign-ai/backstage-plugin-mlops-common';
import { describeError } from '../../lib/describeError';

/**
 * Finds the TrainingJobs that Model versions point at (`producedBy`), so that
 * retention never drops them.
 *
 * @remarks
 * It reads the Model entities through the catalog service with the module's
 * own credentials, not the Model Registry provider's in-memory state: the
 * two providers' scheduled tasks may run on different backend replicas, and
 * Models may come from other sources (a catalog-info.yaml), so the catalog
 * is the one place that sees them all.
 */
export class ModelLinkedJobs {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {}

  /**
   * The lower-cased refs of the jobs Models point at, or `undefined` when
   * the catalog could not be read (the caller then drops nothing).
   */
  async read(): Promise<Set<string> | undefined> {
    try {
      const credentials = await this.auth.getOwnServiceCredentials();
      const refs = new Set<string>();
      for await (const page of this.catalog.streamEntities(
        { filter: { kind: KIND_MODEL }, fields: ['spec.versions'] },
        { credentials },
      )) {
        for (const entity of page) {
          const versions = (entity.spec?.versions ?? []) as Array<{
            producedBy?: unknown;
          }>;
          for (const version of Array.isArray(versions) ? versions : []) {
            if (typeof version?.producedBy === 'string') {
              refs.add(version.producedBy.toLocaleLowerCase('en-US'));
            }
          }
        }
      }
      return refs;
    } catch (error) {
      this.logger.warn(
        `Could not read the Models from the catalog, so retention drops no job this time: ${describeError(
          error,
        )}`,
      );
      return undefined;
    }
  }
}
