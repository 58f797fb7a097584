import { screen } from '@testing-library/react';
import { MlopsApiError } from '../../api/MlopsApiError';
import { fraudScoringV1, modelLineage } from '../../__testUtils__/fixtures';
import {
  mockMlopsApi,
  renderEntityCard,
} from '../../__testUtils__/renderEntityCard';
import { UsageCard } from './UsageCard';

const card = (
  <UsageCard
    title="Who consumes it"
    kinds={['TrainingJob', 'Model']}
    emptyMessage="Nobody uses it."
  />
);

describe('UsageCard', () => {
  it('lists consumers by kind with owner and phase, from one downstream request', async () => {
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue(modelLineage),
    });
    await renderEntityCard(card, { entity: fraudScoringV1, mlopsApi: api });
    expect(await screen.findByText('Training jobs (1)')).toBeInTheDocument();
    expect(screen.getByText('fraud-detector-train-0412')).toBeInTheDocument();
    expect(screen.getByText('Models (1)')).toBeInTheDocument();
    expect(screen.getByText('fraud-detector')).toBeInTheDocument();
    expect(screen.getByText('Succeeded')).toBeInTheDocument();
    expect(api.getLineage).toHaveBeenCalledTimes(1);
    expect(api.getLineage).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'featureservice:default/fraud_detection-fraud_scoring_v1',
        direction: 'downstream',
        kinds: ['TrainingJob', 'Model'],
      }),
    );
  });

  it('says when nothing uses the entity', async () => {
    const api = mockMlopsApi({
      getLineage: jest.fn().mockResolvedValue({
        ...modelLineage,
        nodes: [modelLineage.nodes[0]],
        edges: [],
      }),
    });
    await renderEntityCard(card, { entity: fraudScoringV1, mlopsApi: api });
    expect(await screen.findByText('Nobody uses it.')).toBeInTheDocument();
  });

  it('explains that the backend is not installed', async () => {
    const api = mockMlopsApi({
      getLineage: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'not-installed',
            'Could not load the lineage: no mlops plugin.',
          ),
        ),
    });
    await renderEntityCard(card, { entity: fraudScoringV1, mlopsApi: api });
    expect(
      await screen.findByText('The mlops backend is not installed'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Could not load the lineage: no mlops plugin.'),
    ).toBeInTheDocument();
  });
});
