import { screen } from '@testing-library/react';
import { fraudDetector } from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { ModelVersionsCard } from './ModelVersionsCard';
import { ModelFeatureServicesCard } from '../ModelFeatureServicesCard';

describe('ModelVersionsCard', () => {
  it('lists versions with state, artifact, metrics and the producing job', async () => {
    await renderEntityCard(<ModelVersionsCard />, { entity: fraudDetector });
    expect(screen.getByText('Versions (2)')).toBeInTheDocument();
    expect(
      screen.getByText('s3://models-fr/fraud-detector/v2/'),
    ).toBeInTheDocument();
    expect(screen.getByText('live')).toBeInTheDocument();
    expect(screen.getByText('archived')).toBeInTheDocument();
    expect(screen.getByText('auc: 0.947')).toBeInTheDocument();
    const job = screen.getByRole('link', { name: /fraud-detector-train-0412/ });
    expect(job).toHaveAttribute(
      'href',
      '/catalog/default/trainingjob/sovereign-fr-fraud-ml-fraud-detector-train-0412',
    );
  });

  it('has an empty state', async () => {
    await renderEntityCard(<ModelVersionsCard />, {
      entity: {
        ...fraudDetector,
        spec: { ...fraudDetector.spec, versions: [] },
      },
    });
    expect(
      screen.getByText(/no versions in the Model Registry/),
    ).toBeInTheDocument();
  });
});

describe('ModelFeatureServicesCard', () => {
  it('lists the feature services per version', async () => {
    await renderEntityCard(<ModelFeatureServicesCard />, {
      entity: fraudDetector,
    });
    expect(
      screen.getByText(/fraud_detection-fraud_scoring_v1/),
    ).toBeInTheDocument();
    expect(screen.getByText('versions v2')).toBeInTheDocument();
  });

  it('says when none is recorded', async () => {
    await renderEntityCard(<ModelFeatureServicesCard />, {
      entity: {
        ...fraudDetector,
        spec: { ...fraudDetector.spec, versions: [] },
      },
    });
    expect(
      screen.getByText(/No feature service is recorded/),
    ).toBeInTheDocument();
  });
});
