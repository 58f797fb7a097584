import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { mlopsApiRef } from './api/MlopsApi';
import { fraudDetector, transactionStats } from './__testUtils__/fixtures';
import { mockMlopsApi } from './__testUtils__/renderEntityCard';
import plugin from './index';

function extension(id: string) {
  const ext = plugin.getExtension(id as any);
  return ext;
}

describe('mlops plugin', () => {
  it('is the default export, with id mlops and its extensions', () => {
    expect(plugin.pluginId).toBe('mlops');
    for (const id of [
      'api:mlops',
      'page:mlops',
      'page:mlops/compliance',
      'entity-card:mlops/feature-view-overview',
      'entity-card:mlops/training-job-status',
      'entity-card:mlops/model-versions',
      'entity-card:mlops/compliance',
      'entity-content:mlops/lineage',
      'entity-content:mlops/training-job-kubernetes',
    ]) {
      expect(extension(id)).toBeDefined();
    }
  });

  it('shows the FeatureView cards on a FeatureView page and not the Model ones', async () => {
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue({
        root: 'x',
        nodes: [],
        edges: [],
        dangling: [],
        truncated: false,
      }),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: transactionStats }),
        extension('entity-card:mlops/feature-view-overview'),
        extension('entity-card:mlops/model-versions'),
      ],
      apis: [[mlopsApiRef, api], catalogApiMock()],
    });
    expect(await screen.findByText('Feature view')).toBeInTheDocument();
    expect(screen.queryByText(/Versions \(/)).not.toBeInTheDocument();
  });

  it('shows the Model versions on a Model page', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: fraudDetector }),
        extension('entity-card:mlops/feature-view-overview'),
        extension('entity-card:mlops/model-versions'),
      ],
      apis: [[mlopsApiRef, mockMlopsApi()], catalogApiMock()],
    });
    expect(await screen.findByText('Versions (2)')).toBeInTheDocument();
    expect(screen.queryByText('Feature view')).not.toBeInTheDocument();
  });
});
