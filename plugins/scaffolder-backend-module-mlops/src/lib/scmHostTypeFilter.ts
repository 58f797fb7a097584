import type { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateFilter } from '@backstage/plugin-scaffolder-node/alpha';
import { repoUrlHost } from './checkRepositoryHost';

/**
 * Template filter `scmHostType`: the integration type (`gitlab`, `gitea`,
 * `github`, ...) of the host of a `RepoUrlPicker` value, from the
 * `integrations` config, or `none` when no integration covers the host. A
 * template uses it to pick its publish step, so one template publishes to
 * whichever kind of Git host the organisation runs.
 *
 * It never throws: the scaffolder renders a failing `if:` expression as its
 * raw (truthy) text, which would run the step.
 *
 * @public
 */
export function createScmHostTypeFilter(integrations: ScmIntegrationRegistry) {
  return createTemplateFilter({
    id: 'scmHostType',
    description:
      'The integration type (gitlab, gitea, github, ...) of the host of a RepoUrlPicker value, or none when no integration is configured for it',
    schema: z =>
      z
        .function()
        .args(
          z.string().describe('A RepoUrlPicker value, host?owner=...&repo=...'),
        )
        .returns(z.string()),
    examples: [
      {
        description:
          'Publish to GitLab when the repository host is a GitLab integration',
        example: `if: \${{ (parameters.repoUrl | scmHostType) == 'gitlab' }}`,
        notes: 'gitlab',
      },
    ],
    filter: (repoUrl: string) => {
      const host =
        typeof repoUrl === 'string' ? repoUrlHost(repoUrl) : undefined;
      return (host && integrations.byHost(host)?.type) || 'none';
    },
  });
}
