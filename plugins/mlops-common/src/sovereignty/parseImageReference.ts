import { InputError } from '@backstage/errors';

/**
 * A container image reference split into its parts, with Docker Hub's
 * defaults applied (`python:3` is `docker.io/library/python:3`).
 *
 * @public
 */
export interface ImageReference {
  /** Registry host, with its port if any, in lower case; `docker.io` for Docker Hub. */
  registry: string;
  /** Repository path inside the registry, for example `library/python` or `ml/trainer`. */
  repository: string;
  /** `registry/repository`: what allow-lists of registries and path prefixes match. */
  name: string;
  /** Tag, if the reference has one. */
  tag?: string;
  /** Digest such as `sha256:<64 hex>`, if the reference is pinned. */
  digest?: string;
  /** The full normalised reference, `name[:tag][@digest]`. */
  canonical: string;
}

/** Host names under which Docker Hub is also reached. */
const DOCKER_HUB_ALIASES = new Set([
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);
const DOCKER_HUB = 'docker.io';

// The grammar of github.com/distribution/reference: a domain component is a
// host name or host:port, path components are lower case.
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
// OCI image spec: the registered digest algorithms and their lengths.
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * Normalises a registry host: lower case, Docker Hub aliases to `docker.io`.
 *
 * @public
 */
export function normalizeRegistryHost(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/**
 * Parses a container image reference such as
 * `registry.example.com/ml/trainer:1.2@sha256:...`, `pytorch/pytorch:2.4.0`
 * or `python`. The first path component is the registry when it contains a
 * `.` or a `:` or is `localhost`, as Docker decides; otherwise the image is
 * on Docker Hub (`docker.io`), and a one-component name is under `library/`.
 *
 * @throws InputError when the reference is not a valid image reference.
 * @public
 */
export function parseImageReference(reference: string): ImageReference {
  const invalid = (why: string) =>
    new InputError(`'${reference}' is not a valid image reference: ${why}`);
  const value = reference.trim();
  if (!value) {
    throw invalid('it is empty');
  }
  if (value.includes('://')) {
    throw invalid('an image reference has no URL scheme');
  }

  const at = value.indexOf('@');
  const nameAndTag = at === -1 ? value : value.slice(0, at);
  const digest = at === -1 ? undefined : value.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) {
    throw invalid('the digest must be sha256:<64 hex> or sha512:<128 hex>');
  }

  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const name = colon === -1 ? nameAndTag : nameAndTag.slice(0, colon);
  const tag = colon === -1 ? undefined : nameAndTag.slice(colon + 1);
  if (tag !== undefined && !TAG.test(tag)) {
    throw invalid(`'${tag}' is not a valid tag`);
  }

  const components = name.split('/');
  const first = components[0];
  const hasRegistry =
    components.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry && !DOMAIN.test(first)) {
    throw invalid(`'${first}' is not a valid registry host`);
  }
  const registry = hasRegistry ? normalizeRegistryHost(first) : DOCKER_HUB;
  const pathComponents = hasRegistry ? components.slice(1) : components;
  for (const component of pathComponents) {
    if (!PATH_COMPONENT.test(component)) {
      throw invalid(
        `'${component}' is not a valid repository path component (lower case letters, digits and . _ - separators)`,
      );
    }
  }
  if (registry === DOCKER_HUB && pathComponents.length === 1) {
    pathComponents.unshift('library');
  }

  const repository = pathComponents.join('/');
  const fullName = `${registry}/${repository}`;
  return {
    registry,
    repository,
    name: fullName,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    canonical: `${fullName}${tag !== undefined ? `:${tag}` : ''}${
      digest !== undefined ? `@${digest}` : ''
    }`,
  };
}
