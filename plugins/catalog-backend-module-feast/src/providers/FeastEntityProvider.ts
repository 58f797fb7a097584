import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { countObjects, filterSnapshot } from '../registry/filterSnapshot';
import { createRegistryReader } from '../registry/readers/createRegistryReader';
import type { FeastRegistryReader } from '../registry/types';
import { compileSystemTemplate } from '../transform/systemName';
import { transformRegistry } from '../transform/transformRegistry';
import {
  type FeastEntityProviderConfig,
  readFeastProviderConfigs,
} from './FeastEntityProviderConfig';
import { FeastProjectClaims } from './FeastProjectClaims';

/**
 * Options of {@link FeastEntityProvider.fromConfig}.
 *
 * @public
 */
export interface FeastEntityProviderOptions {
  logger: LoggerService;
  scheduler: SchedulerService;
  /**
   * Project claims shared by providers that must not emit the same project
   * into the same namespace; one shared instance is created when absent.
   */
  claims?: FeastProjectClaims;
}

/**
 * Emits the objects of one Feast registry (`catalog.providers.feast.<id>`)
 * into the catalog with a scheduled full mutation: a System per project, a
 * `dataset` Resource per data source, a FeatureView per feature view and a
 * FeatureService per feature service.
 *
 * A registry that cannot be read, decoded or transformed changes nothing:
 * the catalog keeps the last good entities and the failure is logged. A
 * registry that suddenly reads as empty is only applied once it has read as
 * empty `emptyRegistryConfirmations` times in a row.
 *
 * @public
 */
export class FeastEntityProvider implements EntityProvider {
  private readonly logger: LoggerService;
  private readonly systemName: (project: string, registry: string) => string;
  private connection?: EntityProviderConnection;
  /** Objects in the last applied mutation; unknown before the first one. */
  private lastAppliedObjects?: number;
  private emptyReads = 0;

  /**
   * Creates one provider per registry configured under
   * `catalog.providers.feast`. Throws an `InputError` naming the config key
   * when the configuration is invalid.
   */
  static fromConfig(
    config: Config,
    options: FeastEntityProviderOptions,
  ): FeastEntityProvider[] {
    const claims = options.claims ?? new FeastProjectClaims();
    return readFeastProviderConfigs(config).map(
      providerConfig =>
        new FeastEntityProvider(
          providerConfig,
          createRegistryReader(providerConfig),
          options.scheduler.createScheduledTaskRunner(providerConfig.schedule),
          options.logger,
          claims,
        ),
    );
  }

  private constructor(
    private readonly config: FeastEntityProviderConfig,
    private readonly reader: FeastRegistryReader,
    private readonly taskRunner: SchedulerServiceTaskRunner,
    logger: LoggerService,
    private readonly claims: FeastProjectClaims,
  ) {
    this.logger = logger.child({ target: this.getProviderName() });
    this.systemName = compileSystemTemplate(config.system);
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return `feast-provider:${this.config.id}`;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
  }

  /**
   * Reads the registry once and applies it. Never throws: failures are
   * logged and leave the catalog as it was.
   */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const update = await this.readUpdate();
    if (!update) return;
    const { id } = this.config;
    try {
      await this.connection.applyMutation({
        type: 'full',
        entities: update.entities.map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
      this.lastAppliedObjects = update.objects;
      this.emptyReads = 0;
      this.logger.info(
        `Feast registry "${id}": applied ${update.entities.length} entities from ${update.summary}`,
      );
    } catch (error) {
      this.logFailedUpdate(error);
    }
  }

  /**
   * Reads the registry and turns it into entities, or returns `undefined`
   * when there is nothing to apply (failures are logged). The snapshot never
   * leaves this method, so it is garbage before the catalog starts writing
   * the entities: on a big registry it is tens of MB.
   */
  private async readUpdate(): Promise<
    { entities: Entity[]; objects: number; summary: string } | undefined
  > {
    const { id } = this.config;
    let snapshot;
    try {
      snapshot = await this.reader.read();
    } catch (error) {
      // Reader errors are built without URLs or credentials.
      const e = error as Error;
      this.logger.error(
        `Feast registry "${id}" could not be read, keeping the last good entities: ${e.name}: ${e.message}`,
      );
      return undefined;
    }

    const allowed = this.config.projects;
    const present = snapshot.projects
      .map(p => p.name)
      .filter(name => !allowed || allowed.includes(name));
    const { granted, conflicts } = this.claims.claim(
      id,
      this.config.namespace,
      present,
    );
    for (const { project, heldBy } of conflicts) {
      this.logger.error(
        `Feast registry "${id}" skips project "${project}": registry "${heldBy}" already emits it into namespace "${this.config.namespace}". Set catalog.providers.feast.${id}.namespace (or .projects) so that the two registries do not collide.`,
      );
    }
    snapshot = filterSnapshot(snapshot, new Set(granted));

    const objects = countObjects(snapshot);
    if (objects === 0 && this.lastAppliedObjects !== 0) {
      this.emptyReads += 1;
      if (this.emptyReads < this.config.emptyRegistryConfirmations) {
        this.logger.warn(
          `Feast registry "${id}" read as empty (${this.emptyReads} of ${this.config.emptyRegistryConfirmations} reads needed to confirm); keeping the last good entities`,
        );
        return undefined;
      }
    } else {
      this.emptyReads = 0;
    }

    try {
      const entities = transformRegistry(snapshot, {
        registryId: id,
        namespace: this.config.namespace,
        defaultOwner: this.config.owner,
        systemName: this.systemName,
        jurisdictionTag: this.config.jurisdictionTag,
        defaultJurisdiction: this.config.jurisdiction,
        dataClassificationTags: this.config.dataClassificationTags,
        defaultDataClassification: this.config.dataClassification,
        uiUrl: this.config.uiUrl,
      });
      return {
        entities,
        objects,
        summary: `${granted.length} projects (${snapshot.featureViews.length} feature views, ${snapshot.featureServices.length} feature services, ${snapshot.dataSources.length} data sources)`,
      };
    } catch (error) {
      this.logFailedUpdate(error);
      return undefined;
    }
  }

  private logFailedUpdate(error: unknown) {
    const e = error as Error;
    this.logger.error(
      `Feast registry "${this.config.id}" could not be applied, keeping the last good entities: ${e.name}: ${e.message}`,
    );
  }
}
