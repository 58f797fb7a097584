import { InputError } from '@backstage/errors';

/**
 * A storage URI (an artifact, dataset or initializer location) split into
 * the parts the sovereignty policy matches on.
 *
 * @public
 */
export interface StorageUri {
  /** URI scheme in lower case, for example `s3`, `gs`, `hf`, `https`, `pvc`. */
  scheme: string;
  /**
   * Network host in lower case, without port, when the URI names one:
   * `https://`, `oci://` and the like; `huggingface.co` for `hf://`; the
   * storage account host for Azure `abfs(s)://` and `wasb(s)://`.
   */
  host?: string;
  /** Bucket (or Azure container) for object-store URIs: `s3://<bucket>/...`. */
  bucket?: string;
  /** Path after the authority, for example `/fraud-detector/v2/`. */
  path: string;
  /**
   * Set for cluster-local storage (`pvc://`, `file://`, `cache://`): the
   * data is on the cluster that mounts it, wherever that runs.
   */
  clusterLocal?: boolean;
  /**
   * The URI without user information or query string, safe to show in a
   * reason or a log (credentials and signed tokens are never repeated).
   */
  display: string;
}

/** Object stores whose URI authority is the bucket name. */
const BUCKET_SCHEMES = new Set(['s3', 's3a', 's3n', 'gs', 'gcs', 'oss']);
/** Azure storage: `<container>@<account host>`. */
const AZURE_SCHEMES = new Set(['abfs', 'abfss', 'wasb', 'wasbs']);
/**
 * `hf://<org>/<repo>` is the Hugging Face Hub (the scheme Kubeflow Trainer
 * initializers use): the authority is an organisation, the host is the hub.
 */
const HUGGING_FACE_SCHEME = 'hf';
const HUGGING_FACE_HOST = 'huggingface.co';
/** Cluster-local storage: the authority names a volume, not a place. */
const LOCAL_SCHEMES = new Set(['pvc', 'file', 'cache']);

const URI = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

/** Host without user information and port; IPv6 literals keep their brackets. */
function hostOf(authority: string): string {
  const withoutUser = authority.slice(authority.lastIndexOf('@') + 1);
  const ipv6 = /^\[[^\]]*\]/.exec(withoutUser);
  if (ipv6) {
    return ipv6[0].toLowerCase();
  }
  return withoutUser.replace(/:\d*$/, '').toLowerCase();
}

/**
 * Parses a storage URI such as `s3://models-fr/fraud-detector/v2/`,
 * `gs://bucket/key`, `hf://org/model`, `https://host/path`,
 * `oci://registry/repo:tag` or `pvc://claim/path`.
 *
 * @throws InputError when the value is not a URI with a scheme and `://`.
 * @public
 */
export function parseStorageUri(uri: string): StorageUri {
  const match = URI.exec(uri.trim());
  if (!match) {
    throw new InputError(
      `'${uri}' is not a storage URI: expected <scheme>://<location>, for example s3://bucket/path`,
    );
  }
  const scheme = match[1].toLowerCase();
  const authority = match[2];
  const path = match[3];
  const display = `${scheme}://${authority.slice(
    authority.lastIndexOf('@') + 1,
  )}${path}`;

  if (BUCKET_SCHEMES.has(scheme)) {
    if (!authority) {
      throw new InputError(`'${uri}' names no bucket`);
    }
    return { scheme, bucket: authority.toLowerCase(), path, display };
  }
  if (AZURE_SCHEMES.has(scheme)) {
    const at = authority.indexOf('@');
    if (at <= 0) {
      throw new InputError(
        `'${uri}' is not an Azure storage URI: expected ${scheme}://<container>@<account host>/<path>`,
      );
    }
    // The container is part of the location, not a credential: keep it.
    return {
      scheme,
      bucket: authority.slice(0, at).toLowerCase(),
      host: hostOf(authority.slice(at + 1)),
      path,
      display: `${scheme}://${authority}${path}`,
    };
  }
  if (scheme === HUGGING_FACE_SCHEME) {
    return {
      scheme,
      host: HUGGING_FACE_HOST,
      path: `/${authority}${path}`,
      display,
    };
  }
  if (LOCAL_SCHEMES.has(scheme)) {
    return {
      scheme,
      path: `/${authority}${path}`.replace(/^\/\//, '/'),
      clusterLocal: true,
      display,
    };
  }
  const host = hostOf(authority);
  return { scheme, ...(host ? { host } : {}), path, display };
}
