import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { describeError } from '../../lib/describeError';
import { providerLocationAnnotations } from '../../lib/locations';
import { ModelRegistryClient } from './ModelRegistryClient';
import {
  ModelRegistryProviderConfig,
  readModelRegistryProviderConfigs,
} from './readModelRegistryProviderConfigs';
import { registeredModelToEntity } from './registeredModelToEntity';
import type { ModelVersion } from './types';

/**
 * Options of {@link KubeflowModelRegistryEntityProvider.fromConfig}.
 *
 * @public
 */
export interface KubeflowModelRegistryEntityProviderOptions {
  logger: LoggerService;
  scheduler: SchedulerService;
}

/**
 * Emits the registered models of a Kubeflow Model Registry, with their
 * versions and model artifacts, as Model entities
 * (`catalog.providers.kubeflowModelRegistry.<id>`).
 *
 * @remarks
 * Each scheduled run reads the whole registry (paged lists) and applies one
 * full mutation. A run that fails anywhere, a page in the middle of a list
 * included, applies nothing: the entities of the last good read stay.
 *
 * @public
 */
export class KubeflowModelRegistryEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly client: ModelRegistryClient;
  private readonly logger: LoggerService;

  /**
   * Creates one provider per `catalog.providers.kubeflowModelRegistry.<id>`.
   *
   * @throws InputError naming the config key when the config is invalid.
   */
  static fromConfig(
    rootConfig: Config,
    options: KubeflowModelRegistryEntityProviderOptions,
  ): KubeflowModelRegistryEntityProvider[] {
    return readModelRegistryProviderConfigs(rootConfig).map(
      config => new KubeflowModelRegistryEntityProvider(config, options),
    );
  }

  private constructor(
    private readonly config: ModelRegistryProviderConfig,
    private readonly options: KubeflowModelRegistryEntityProviderOptions,
  ) {
    this.logger = options.logger.child({ target: this.getProviderName() });
    this.client = new ModelRegistryClient({
      baseUrl: config.baseUrl,
      token: config.token,
      pageSize: config.pageSize,
      requestTimeoutMs: config.requestTimeoutMs,
    });
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return `kubeflow-model-registry-provider:${this.config.id}`;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.scheduler.scheduleTask({
      id: `${this.getProviderName()}:refresh`,
      ...this.config.schedule,
      fn: () => this.refresh(),
    });
  }

  /**
   * Reads the registry and applies a full mutation. Never throws: a failure
   * is logged and the entities of the last good read are kept.
   */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    let snapshot;
    try {
      snapshot = await this.client.readAll({
        includeArchived: this.config.includeArchived,
      });
    } catch (error) {
      this.logger.error(
        `${this.getProviderName()} could not read the Model Registry: ${describeError(
          error,
        )}; keeping the last good entities`,
      );
      return;
    }
    const versionsByModel = new Map<string, ModelVersion[]>();
    for (const version of snapshot.versions) {
      const list = versionsByModel.get(version.registeredModelId) ?? [];
      list.push(version);
      versionsByModel.set(version.registeredModelId, list);
    }
    const context = {
      registryId: this.config.id,
      owner: this.config.owner,
      feastNamespace: this.config.feastNamespace,
      jurisdiction: this.config.jurisdiction,
      dataClassification: this.config.dataClassification,
      locationAnnotations: providerLocationAnnotations(this.getProviderName()),
    };
    const models = snapshot.models.filter(
      m => this.config.includeArchived || m.state !== 'ARCHIVED',
    );
    const entities = models.map(model => {
      const { entity, warnings } = registeredModelToEntity(
        model,
        versionsByModel.get(model.id) ?? [],
        snapshot.artifacts,
        context,
      );
      for (const warning of warnings) {
        this.logger.warn(`Registered model ${model.name}: ${warning}`);
      }
      return { entity, locationKey: this.getProviderName() };
    });
    try {
      await this.connection.applyMutation({ type: 'full', entities });
    } catch (error) {
      this.logger.error(
        `${this.getProviderName()} could not apply its mutation: ${describeError(
          error,
        )}`,
      );
      return;
    }
    this.logger.info(
      `Read ${entities.length} registered models with ${snapshot.versions.length} versions`,
    );
  }
}
