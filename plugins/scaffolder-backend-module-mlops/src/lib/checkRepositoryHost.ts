import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { ComplianceResult } from '@sovereign-ai/backstage-plugin-mlops-common';

/** Git hosting services run by third parties: code published there leaves the organisation. */
const PUBLIC_GIT_HOSTS = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'dev.azure.com',
  'gitea.com',
  'codeberg.org',
];

/** Integration types the template can publish to. */
export const PUBLISHABLE_SCM_TYPES = ['gitlab', 'gitea', 'github'];

/**
 * The host of a scaffolder `repoUrl` (`host?owner=...&repo=...`), lower
 * case, or undefined when it has none.
 */
export function repoUrlHost(repoUrl: string): string | undefined {
  try {
    return new URL(`https://${repoUrl}`).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Strategic autonomy of the code: the training project must be published to
 * the organisation's own Git host, one configured under `integrations`
 * (GitLab, Gitea or GitHub Enterprise), never to a public hosting service.
 */
export function checkRepositoryHost(
  repoUrl: string,
  integrations: ScmIntegrationRegistry,
): ComplianceResult {
  const host = repoUrlHost(repoUrl);
  if (!host) {
    return {
      check: 'autonomy',
      status: 'fail',
      reason: `The repository location '${repoUrl}' has no host`,
    };
  }
  if (PUBLIC_GIT_HOSTS.includes(host)) {
    return {
      check: 'autonomy',
      status: 'fail',
      reason: `The repository would be published to ${host}, a public Git hosting service; use the organisation's own Git host`,
    };
  }
  const type = integrations.byHost(host)?.type;
  if (!type || !PUBLISHABLE_SCM_TYPES.includes(type)) {
    return {
      check: 'autonomy',
      status: 'fail',
      reason: `The repository host ${host} is not a configured GitLab, Gitea or GitHub Enterprise integration: add it under integrations.gitlab, integrations.gitea or integrations.github`,
    };
  }
  return {
    check: 'autonomy',
    status: 'pass',
    reason: `The repository is published to ${host}, the organisation's own ${type} host`,
  };
}
