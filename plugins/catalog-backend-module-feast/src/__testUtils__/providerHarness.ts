import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { FeastEntityProvider } from '../providers/FeastEntityProvider';
import { FeastProjectClaims } from '../providers/FeastProjectClaims';

/** A log line captured by {@link createCapturingLogger}. */
export interface LogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
}

/** A logger that records every line, children included. */
export function createCapturingLogger(lines: LogLine[] = []): LoggerService {
  const logger: LoggerService = {
    error: message => void lines.push({ level: 'error', message }),
    warn: message => void lines.push({ level: 'warn', message }),
    info: message => void lines.push({ level: 'info', message }),
    debug: message => void lines.push({ level: 'debug', message }),
    child: () => logger,
  };
  return logger;
}

/** A connected provider whose scheduled refresh the test runs by hand. */
export interface ProviderHarness {
  provider: FeastEntityProvider;
  /** Runs the scheduled task once. */
  run(): Promise<void>;
  mutations: EntityProviderMutation[];
  logs: LogLine[];
}

/**
 * Builds providers from `catalog.providers.feast` config (one harness per
 * registry id, sharing one claim registry) and connects them to a recording
 * connection.
 */
export async function createProviderHarnesses(
  feast: JsonObject,
): Promise<Record<string, ProviderHarness>> {
  const logs: LogLine[] = [];
  const tasks: SchedulerServiceTaskFunction[] = [];
  const scheduler = {
    createScheduledTaskRunner: () => ({
      run: async ({ fn }: { fn: SchedulerServiceTaskFunction }) => {
        tasks.push(fn);
      },
    }),
  } as unknown as SchedulerService;
  const providers = FeastEntityProvider.fromConfig(
    new ConfigReader({ catalog: { providers: { feast } } }),
    {
      logger: createCapturingLogger(logs),
      scheduler,
      claims: new FeastProjectClaims(),
    },
  );
  const result: Record<string, ProviderHarness> = {};
  for (const [index, provider] of providers.entries()) {
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async mutation => void mutations.push(mutation),
      refresh: async () => {},
    };
    await provider.connect(connection);
    const id = provider.getProviderName().replace('feast-provider:', '');
    result[id] = {
      provider,
      run: () => Promise.resolve(tasks[index](new AbortController().signal)),
      mutations,
      logs,
    };
  }
  return result;
}
