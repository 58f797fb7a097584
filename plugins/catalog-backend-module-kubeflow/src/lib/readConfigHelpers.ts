import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** Reads a required owner entity ref and checks that it parses. */
export function readOwner(config: Config, key: string, configKey: string) {
  const owner = config.getOptionalString(key);
  if (!owner) {
    throw new InputError(
      `Missing required config value at ${configKey}.${key}: the entity ref of the owner of the emitted entities, e.g. group:default/ml-platform`,
    );
  }
  try {
    parseEntityRef(owner, {
      defaultKind: 'Group',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `Invalid owner '${owner}' at ${configKey}.${key}: ${
        (error as Error).message
      }`,
    );
  }
  return owner;
}

/** Reads an optional positive integer. */
export function readPositiveInteger(
  config: Config,
  key: string,
  configKey: string,
): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new InputError(
      `Invalid value ${value} at ${configKey}.${key}: expected a positive integer`,
    );
  }
  return value;
}

/** Reads an optional duration (ISO, `30 days` or an object) in milliseconds. */
export function readOptionalDurationMs(
  config: Config,
  key: string,
  configKey: string,
): number | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  let duration: HumanDuration;
  try {
    duration = readDurationFromConfig(config, { key });
  } catch (error) {
    throw new InputError(
      `Invalid duration at ${configKey}.${key}: ${(error as Error).message}`,
    );
  }
  const ms = durationToMilliseconds(duration);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InputError(
      `Invalid duration at ${configKey}.${key}: must be greater than zero`,
    );
  }
  return ms;
}

/** Reads `schedule`, or returns the default. */
export function readSchedule(
  config: Config,
  configKey: string,
  defaultSchedule: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has('schedule')) {
    return defaultSchedule;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      config.getConfig('schedule'),
    );
  } catch (error) {
    throw new InputError(
      `Invalid schedule at ${configKey}.schedule: ${(error as Error).message}`,
    );
  }
}
