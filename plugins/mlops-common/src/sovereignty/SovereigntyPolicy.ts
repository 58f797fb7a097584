import type { Config } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import {
  ANNOTATION_DATA_CLASSIFICATION,
  ANNOTATION_JURISDICTION,
} from '../annotations';
import { normalizeRegistryHost } from './parseImageReference';

/**
 * Where one jurisdiction (a data-residency zone such as `eu-fr`) lies: the
 * clusters that run in it, its cloud regions, and the storage hosts and
 * buckets whose data stays in it.
 *
 * @public
 */
export interface SovereigntyJurisdiction {
  /** Names of the Kubernetes clusters in this jurisdiction (as the Trainer provider names them). */
  clusters: string[];
  /** Cloud or site regions in this jurisdiction, matched against the `topology.kubernetes.io/region` label. */
  regions: string[];
  /** Storage hosts (`*.example.com` for sub-domains) whose data lies in this jurisdiction. */
  storageHosts: string[];
  /** Object-store buckets (or Azure containers) whose data lies in this jurisdiction. */
  buckets: string[];
}

/**
 * Storage the organisation owns: model artifacts must stay inside it.
 *
 * @public
 */
export interface SovereigntyAllowedStorage {
  /** Allowed URI schemes in lower case, for example `s3`, `pvc`. Empty: any scheme. */
  schemes: string[];
  /** Allowed storage hosts (`*.example.com` for sub-domains). */
  hosts: string[];
  /** Allowed buckets (or Azure containers). */
  buckets: string[];
}

/**
 * Where data of one classification may be used.
 *
 * @public
 */
export interface SovereigntyClassificationRule {
  /** The `sovereign-ai.io/data-classification` value the rule applies to, for example `restricted`. */
  classification: string;
  /** Data of this classification may only be used in the jurisdiction it lies in. */
  sameJurisdictionOnly?: boolean;
  /** Data of this classification may only be used in these jurisdictions. */
  allowedJurisdictions?: string[];
}

/**
 * The sovereignty policy read from `mlops.sovereignty` (see the package's
 * `config.d.ts`). An empty list means "nothing configured": a check that
 * needs it reports `unknown`, never `pass`.
 *
 * @public
 */
export interface SovereigntyPolicy {
  /** Jurisdictions by name. */
  jurisdictions: Record<string, SovereigntyJurisdiction>;
  /** Registry hosts or `host/path` prefixes images may come from, normalised to lower-case hosts. */
  allowedImageRegistries: string[];
  /** Whether every image must be pinned by digest (`@sha256:...`). */
  requireImageDigest: boolean;
  /** Storage model artifacts may be kept in. */
  allowedStorage: SovereigntyAllowedStorage;
  /** URI or image prefixes nothing may be read from, for example `hf://`, `docker.io/`. */
  forbiddenSources: string[];
  /** Annotations every asset must carry. */
  requiredAnnotations: string[];
  /** Classification rules, at most one per classification. */
  classificationRules: SovereigntyClassificationRule[];
}

/**
 * The annotations every asset must carry when `requiredAnnotations` is not
 * configured: its jurisdiction and its data classification.
 *
 * @public
 */
export const DEFAULT_REQUIRED_ANNOTATIONS: readonly string[] = [
  ANNOTATION_JURISDICTION,
  ANNOTATION_DATA_CLASSIFICATION,
];

const ROOT_KEY = 'mlops.sovereignty';
const POLICY_KEYS = [
  'jurisdictions',
  'allowedImageRegistries',
  'requireImageDigest',
  'allowedStorage',
  'forbiddenSources',
  'requiredAnnotations',
  'classificationRules',
];
const JURISDICTION_KEYS = ['clusters', 'regions', 'storageHosts', 'buckets'];
const STORAGE_KEYS = ['schemes', 'hosts', 'buckets'];
const RULE_KEYS = [
  'classification',
  'sameJurisdictionOnly',
  'allowedJurisdictions',
];

const HOST =
  /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const REGISTRY_PREFIX =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const SCHEME = /^[a-z][a-z0-9+.-]*$/;
const BUCKET = /^[a-z0-9][a-z0-9._-]*$/;

type JsonObject = { [key: string]: JsonValue | undefined };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: JsonObject, key: string, known: string[]) {
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) {
      throw new Error(
        `${key}.${name} is not a sovereignty policy option; ${key} accepts ${known.join(
          ', ',
        )}`,
      );
    }
  }
}

/**
 * Reads an optional list of non-empty strings; `what` completes "must be a
 * list of ...", `entry` tests one entry and says why it is wrong.
 */
function readList(
  value: JsonValue | undefined,
  key: string,
  what: string,
  entry?: (item: string) => string | undefined,
): string[] {
  if (value === undefined) {
    return [];
  }
  if (
    !Array.isArray(value) ||
    value.some(item => typeof item !== 'string' || !item.trim())
  ) {
    throw new Error(`${key} must be a list of ${what}`);
  }
  const items = (value as string[]).map(item => item.trim());
  if (entry) {
    items.forEach((item, index) => {
      const problem = entry(item);
      if (problem) {
        throw new Error(`${key}[${index}] '${item}' ${problem}`);
      }
    });
  }
  return items;
}

const hostEntry = (item: string) =>
  HOST.test(item.toLowerCase())
    ? undefined
    : 'must be a host name such as minio.example.com or *.example.com, without scheme, port or path';
const bucketEntry = (item: string) =>
  BUCKET.test(item.toLowerCase())
    ? undefined
    : 'must be a bucket name such as models-fr, without scheme or path';

function readJurisdictions(
  value: JsonValue | undefined,
): Record<string, SovereigntyJurisdiction> {
  const key = `${ROOT_KEY}.jurisdictions`;
  if (value === undefined) {
    return {};
  }
  if (!isObject(value)) {
    throw new Error(
      `${key} must be an object mapping each jurisdiction name to its clusters, regions, storageHosts and buckets`,
    );
  }
  const jurisdictions: Record<string, SovereigntyJurisdiction> = {};
  // Each cluster, bucket, host and region belongs to one jurisdiction only;
  // otherwise the place an asset lies in would be ambiguous.
  const owners = new Map<string, string>();
  for (const [name, raw] of Object.entries(value)) {
    const jKey = `${key}.${name}`;
    if (!isObject(raw)) {
      throw new Error(
        `${jKey} must be an object with clusters, regions, storageHosts and/or buckets`,
      );
    }
    checkKeys(raw, jKey, JURISDICTION_KEYS);
    const jurisdiction: SovereigntyJurisdiction = {
      clusters: readList(raw.clusters, `${jKey}.clusters`, 'cluster names'),
      regions: readList(raw.regions, `${jKey}.regions`, 'region names'),
      storageHosts: readList(
        raw.storageHosts,
        `${jKey}.storageHosts`,
        'storage host names',
        hostEntry,
      ).map(h => h.toLowerCase()),
      buckets: readList(
        raw.buckets,
        `${jKey}.buckets`,
        'bucket names',
        bucketEntry,
      ).map(b => b.toLowerCase()),
    };
    for (const field of JURISDICTION_KEYS) {
      for (const item of jurisdiction[field as keyof SovereigntyJurisdiction]) {
        const id = `${field}\u0000${item}`;
        const other = owners.get(id);
        if (other !== undefined && other !== name) {
          throw new Error(
            `${jKey}.${field} lists '${item}', which ${key}.${other}.${field} already lists; each one belongs to a single jurisdiction`,
          );
        }
        owners.set(id, name);
      }
    }
    jurisdictions[name] = jurisdiction;
  }
  return jurisdictions;
}

function readAllowedStorage(
  value: JsonValue | undefined,
): SovereigntyAllowedStorage {
  const key = `${ROOT_KEY}.allowedStorage`;
  if (value === undefined) {
    return { schemes: [], hosts: [], buckets: [] };
  }
  if (!isObject(value)) {
    throw new Error(
      `${key} must be an object with schemes, hosts and/or buckets`,
    );
  }
  checkKeys(value, key, STORAGE_KEYS);
  return {
    schemes: readList(value.schemes, `${key}.schemes`, 'URI schemes', item =>
      SCHEME.test(item.toLowerCase())
        ? undefined
        : 'must be a URI scheme such as s3 or pvc, without ://',
    ).map(s => s.toLowerCase()),
    hosts: readList(
      value.hosts,
      `${key}.hosts`,
      'storage host names',
      hostEntry,
    ).map(h => h.toLowerCase()),
    buckets: readList(
      value.buckets,
      `${key}.buckets`,
      'bucket names',
      bucketEntry,
    ).map(b => b.toLowerCase()),
  };
}

function readClassificationRules(
  value: JsonValue | undefined,
  jurisdictions: Record<string, SovereigntyJurisdiction>,
): SovereigntyClassificationRule[] {
  const key = `${ROOT_KEY}.classificationRules`;
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Error(
      `${key} must be a list of rules such as { classification: restricted, sameJurisdictionOnly: true }`,
    );
  }
  const seen = new Set<string>();
  return value.map((raw, index) => {
    const rKey = `${key}[${index}]`;
    if (!isObject(raw)) {
      throw new Error(
        `${rKey} must be an object with classification and sameJurisdictionOnly and/or allowedJurisdictions`,
      );
    }
    checkKeys(raw, rKey, RULE_KEYS);
    const classification = raw.classification;
    if (typeof classification !== 'string' || !classification.trim()) {
      throw new Error(
        `${rKey}.classification must be a data classification such as restricted`,
      );
    }
    if (seen.has(classification.trim())) {
      throw new Error(
        `${rKey}.classification '${classification}' already has a rule; give each classification one rule`,
      );
    }
    seen.add(classification.trim());
    const same = raw.sameJurisdictionOnly;
    if (same !== undefined && typeof same !== 'boolean') {
      throw new Error(`${rKey}.sameJurisdictionOnly must be true or false`);
    }
    const allowed =
      raw.allowedJurisdictions === undefined
        ? undefined
        : readList(
            raw.allowedJurisdictions,
            `${rKey}.allowedJurisdictions`,
            'jurisdiction names',
            item =>
              jurisdictions[item]
                ? undefined
                : `is not a jurisdiction of ${ROOT_KEY}.jurisdictions`,
          );
    if (!same && !allowed?.length) {
      throw new Error(
        `${rKey} restricts nothing: set sameJurisdictionOnly: true and/or a non-empty allowedJurisdictions`,
      );
    }
    return {
      classification: classification.trim(),
      ...(same !== undefined ? { sameJurisdictionOnly: same } : {}),
      ...(allowed ? { allowedJurisdictions: allowed } : {}),
    };
  });
}

/**
 * Reads and validates the sovereignty policy under `mlops.sovereignty` of
 * the root config. Without that block (or without a config) the policy is
 * empty: no jurisdictions, allow-lists or rules (their checks report
 * `unknown`), `requireImageDigest` false, and `requiredAnnotations` set to
 * {@link DEFAULT_REQUIRED_ANNOTATIONS}.
 *
 * @throws Error naming the exact config key and what it must hold, for
 *   example "mlops.sovereignty.jurisdictions.eu-fr.clusters must be a list of
 *   cluster names".
 * @public
 */
export function readSovereigntyPolicy(
  config: Config | undefined,
): SovereigntyPolicy {
  const root = config?.getOptional(ROOT_KEY);
  if (root !== undefined && !isObject(root)) {
    throw new Error(
      `${ROOT_KEY} must be an object with jurisdictions, allowedImageRegistries, allowedStorage and the other policy options`,
    );
  }
  const raw: JsonObject = root ?? {};
  checkKeys(raw, ROOT_KEY, POLICY_KEYS);

  const requireImageDigest = raw.requireImageDigest ?? false;
  if (typeof requireImageDigest !== 'boolean') {
    throw new Error(`${ROOT_KEY}.requireImageDigest must be true or false`);
  }
  const jurisdictions = readJurisdictions(raw.jurisdictions);
  return {
    jurisdictions,
    allowedImageRegistries: readList(
      raw.allowedImageRegistries,
      `${ROOT_KEY}.allowedImageRegistries`,
      'registry hosts or host/path prefixes, such as registry.example.com/ml',
      item =>
        REGISTRY_PREFIX.test(item.replace(/\/+$/, '').toLowerCase())
          ? undefined
          : 'must be a registry host or host/path prefix such as registry.example.com/ml, without scheme, tag or digest',
    ).map(item => {
      const [host, ...path] = item.replace(/\/+$/, '').split('/');
      return [normalizeRegistryHost(host), ...path].join('/');
    }),
    requireImageDigest,
    allowedStorage: readAllowedStorage(raw.allowedStorage),
    forbiddenSources: readList(
      raw.forbiddenSources,
      `${ROOT_KEY}.forbiddenSources`,
      'URI or image prefixes, such as hf:// or docker.io/',
    ),
    requiredAnnotations:
      raw.requiredAnnotations === undefined
        ? [...DEFAULT_REQUIRED_ANNOTATIONS]
        : readList(
            raw.requiredAnnotations,
            `${ROOT_KEY}.requiredAnnotations`,
            'annotation keys, such as sovereign-ai.io/jurisdiction',
            item =>
              /\s/.test(item)
                ? 'must be an annotation key without spaces'
                : undefined,
          ),
    classificationRules: readClassificationRules(
      raw.classificationRules,
      jurisdictions,
    ),
  };
}
