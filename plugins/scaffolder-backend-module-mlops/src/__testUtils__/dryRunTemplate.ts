import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import giteaModule from '@backstage/plugin-scaffolder-backend-module-gitea';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { scaffolderModuleMlops } from '../module';
import { demoConfig, loadDemoEntities, repoRoot } from './demoCatalog';

/** The template under test, as the catalog would hold it. */
export const templateDir = join(
  repoRoot,
  'templates',
  'sovereign-training-project',
);

export function loadTemplate(): Entity {
  return parse(readFileSync(join(templateDir, 'template.yaml'), 'utf8'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name))
      : [join(dir, entry.name)],
  );
}

/** The template directory as the template editor uploads it for a dry run. */
export function templateDirectoryContents() {
  return listFiles(templateDir).map(file => ({
    path: relative(templateDir, file),
    base64Content: readFileSync(file).toString('base64'),
  }));
}

/** The response of `POST /api/scaffolder/v2/dry-run`. */
export interface DryRunResponse {
  status: number;
  body: any;
  /** Rendered files by path (200 only). */
  files: Map<string, string>;
}

/**
 * Starts the real scaffolder backend with this module, the Git host
 * publish modules and a catalog holding the demo entities, and returns a
 * function that dry-runs the template with given form values.
 */
export async function startScaffolder(options?: { entities?: Entity[] }) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      gitlabModule,
      giteaModule,
      githubModule,
      scaffolderModuleMlops,
      catalogServiceMock.factory({
        entities: options?.entities ?? loadDemoEntities(),
      }),
      mockServices.rootConfig.factory({ data: demoConfig }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const template = loadTemplate();
  const directoryContents = templateDirectoryContents();

  async function dryRun(
    values: Record<string, unknown>,
  ): Promise<DryRunResponse> {
    const response = await fetch(
      `http://127.0.0.1:${port}/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({ template, values, directoryContents }),
      },
    );
    const body = await response.json();
    const files = new Map<string, string>(
      response.status === 200
        ? body.directoryContents.map((f: any) => [
            f.path,
            Buffer.from(f.base64Content, 'base64').toString('utf8'),
          ])
        : [],
    );
    return { status: response.status, body, files };
  }

  return { backend, dryRun };
}
