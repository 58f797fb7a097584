import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LineageResponse } from '../../api/types';
import { MlopsApiError } from '../../api/MlopsApiError';
import { fraudScoringV1, modelLineage } from '../../__testUtils__/fixtures';
import {
  mockMlopsApi,
  renderEntityCard,
} from '../../__testUtils__/renderEntityCard';
import { LineageContent } from './LineageContent';
import { LINEAGE_INTERACTIVE_MARK } from './LineageGraphView';

const mockNavigate = jest.fn();
jest.mock('react-router-dom', () => ({
  ...jest.requireActual('react-router-dom'),
  useNavigate: () => mockNavigate,
}));

/** A feature service consumed by `count` jobs: a fan-out to collapse. */
function fanOut(count: number): LineageResponse {
  const root = modelLineage.nodes[0];
  const jobs = Array.from({ length: count }, (_, i) => ({
    ref: `trainingjob:default/job-${i}`,
    kind: 'TrainingJob',
    namespace: 'default',
    name: `job-${i}`,
    title: `job-${i}`,
    depth: 1,
    directions: ['downstream' as const],
  }));
  return {
    ...modelLineage,
    nodes: [root, ...jobs],
    edges: jobs.map(j => ({
      from: j.ref,
      to: root.ref,
      relation: 'consumesFeatures',
    })),
  };
}

describe('LineageContent', () => {
  const mark = jest.fn();
  beforeEach(() => {
    mockNavigate.mockReset();
    mark.mockReset();
    // jsdom has no User Timing API.
    Object.defineProperty(performance, 'mark', {
      value: mark,
      configurable: true,
    });
  });

  it('draws the graph from one request, opens an entity on click and marks when interactive', async () => {
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue(modelLineage),
    });
    await renderEntityCard(<LineageContent />, {
      entity: fraudScoringV1,
      mlopsApi: api,
    });
    const model = await screen.findByRole('link', {
      name: 'Model fraud-detector',
    });
    expect(
      screen.getByRole('link', {
        name: 'Training job fraud-detector-train-0412',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('3 entities, 2 relations')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Legend' })).toHaveTextContent(
      'produced by',
    );
    expect(api.getLineage).toHaveBeenCalledTimes(1);
    expect(api.getLineage).toHaveBeenCalledWith({
      entityRef: 'featureservice:default/fraud_detection-fraud_scoring_v1',
      direction: 'both',
      depth: 3,
    });
    await userEvent.click(model);
    expect(mockNavigate).toHaveBeenCalledWith(
      '/catalog/default/model/fraud-detector',
    );
    expect(mark).toHaveBeenCalledWith('mlops-lineage-start');
    await waitFor(() =>
      expect(mark).toHaveBeenCalledWith(LINEAGE_INTERACTIVE_MARK, {
        detail: { nodes: 3, edges: 2 },
      }),
    );
  });

  it('asks again for another direction and depth', async () => {
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue(modelLineage),
    });
    await renderEntityCard(<LineageContent />, {
      entity: fraudScoringV1,
      mlopsApi: api,
    });
    await screen.findByRole('link', { name: 'Model fraud-detector' });
    await userEvent.click(screen.getByRole('button', { name: 'Upstream' }));
    await waitFor(() =>
      expect(api.getLineage).toHaveBeenLastCalledWith(
        expect.objectContaining({ direction: 'upstream' }),
      ),
    );
  });

  it('filters kinds in the browser without a new request', async () => {
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue(modelLineage),
    });
    await renderEntityCard(<LineageContent />, {
      entity: fraudScoringV1,
      mlopsApi: api,
    });
    await screen.findByRole('link', { name: 'Model fraud-detector' });
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Training jobs' }),
    );
    expect(
      screen.queryByRole('link', { name: /Training job/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Model fraud-detector' }),
    ).toBeInTheDocument();
    expect(api.getLineage).toHaveBeenCalledTimes(1);
  });

  it('collapses a large fan-out into a group that expands on click', async () => {
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue(fanOut(30)),
    });
    await renderEntityCard(<LineageContent />, {
      entity: fraudScoringV1,
      mlopsApi: api,
    });
    const group = await screen.findByRole('button', {
      name: /Training job \+30 training jobs/,
    });
    expect(
      screen.queryByRole('link', { name: 'Training job job-0' }),
    ).not.toBeInTheDocument();
    fireEvent.click(group);
    expect(
      await screen.findByRole('link', { name: 'Training job job-0' }),
    ).toBeInTheDocument();
  });

  it('has an empty state and an error state', async () => {
    const lonely = {
      ...modelLineage,
      nodes: [modelLineage.nodes[0]],
      edges: [],
    };
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue(lonely),
    });
    const { unmount } = await renderEntityCard(<LineageContent />, {
      entity: fraudScoringV1,
      mlopsApi: api,
    });
    expect(
      await screen.findByText(/No lineage in either direction/),
    ).toBeInTheDocument();
    unmount();
    const failing = mockMlopsApi({
      getLineage: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'unreachable',
            'Could not load the lineage: the Backstage backend cannot be reached.',
          ),
        ),
    });
    await renderEntityCard(<LineageContent />, {
      entity: fraudScoringV1,
      mlopsApi: failing,
    });
    expect(
      await screen.findByText('The backend cannot be reached'),
    ).toBeInTheDocument();
  });
});
