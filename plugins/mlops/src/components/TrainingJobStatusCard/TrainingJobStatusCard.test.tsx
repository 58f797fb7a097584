import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MlopsApiError } from '../../api/MlopsApiError';
import {
  failedJob,
  failedStatus,
  runningJob,
  runningStatus,
} from '../../__testUtils__/fixtures';
import {
  mockMlopsApi,
  renderEntityCard,
} from '../../__testUtils__/renderEntityCard';
import { TrainingJobStatusCard } from './TrainingJobStatusCard';

describe('TrainingJobStatusCard', () => {
  it('shows a running job with progress, ETA, metrics and conditions', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(runningStatus),
    });
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity: runningJob,
      mlopsApi: api,
    });
    const chip = await screen.findByTestId('mlops-phase-chip');
    expect(chip).toHaveTextContent('Running');
    expect(chip).toHaveAttribute('data-tone', 'running');
    expect(
      screen.getByRole('progressbar', { name: 'Training progress' }),
    ).toHaveAttribute('aria-valuenow', '60');
    expect(
      screen.getByText(/60 % · epoch 3 of 5 · 25m left · ETA/),
    ).toBeInTheDocument();
    expect(screen.getByText('loss: 0.2346')).toBeInTheDocument();
    expect(
      screen.getByText('JobSetCreated', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('updating live', { exact: false }),
    ).toBeInTheDocument();
    expect(api.getTrainJobStatus).toHaveBeenCalledWith({
      cluster: 'sovereign-fr',
      namespace: 'fraud-ml',
      name: 'fraud-detector-train-0419',
    });
  });

  it('shows a failed job in red with why it failed', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(failedStatus),
    });
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity: failedJob,
      mlopsApi: api,
    });
    const chip = await screen.findByTestId('mlops-phase-chip');
    expect(chip).toHaveTextContent('Failed');
    expect(chip).toHaveAttribute('data-tone', 'error');
    const reason = screen.getByTestId('mlops-failure-reason');
    expect(reason).toHaveTextContent('Why it failed');
    expect(reason).toHaveTextContent('FailedJobs: jobset failed: node failed');
    expect(reason).toHaveTextContent('node: OOMKilled (exit 137)');
    expect(
      screen.getByText('not polling: final status', { exact: false }),
    ).toBeInTheDocument();
  });

  it('says the cluster is unreachable', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'cluster',
            'Could not load the live status of the training job: cluster sovereign-fr answered HTTP 503.',
          ),
        ),
    });
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity: runningJob,
      mlopsApi: api,
    });
    expect(
      await screen.findByText('The cluster cannot be reached'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/cluster sovereign-fr answered HTTP 503/),
    ).toBeInTheDocument();
  });

  it('says when permission is denied', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'permission',
            'Could not load: your permissions do not allow it.',
          ),
        ),
    });
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity: runningJob,
      mlopsApi: api,
    });
    expect(await screen.findByText('Permission denied')).toBeInTheDocument();
  });

  it('hides the actions from users who may not manage the job', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(runningStatus),
    });
    // usePermission caches answers per entity ref (SWR): use a ref of its own.
    const entity = {
      ...runningJob,
      metadata: { ...runningJob.metadata, name: 'denied-job' },
    };
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity,
      mlopsApi: api,
      allow: false,
    });
    await screen.findByTestId('mlops-phase-chip');
    expect(
      screen.queryByRole('button', { name: 'Suspend' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });

  it('asks for confirmation before suspending, then acts', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(runningStatus),
      setTrainJobSuspended: jest.fn().mockResolvedValue({
        entityRef: runningStatus.entityRef,
        action: 'suspend',
        suspended: true,
      }),
    });
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity: runningJob,
      mlopsApi: api,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Suspend' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Suspend this training job?');
    expect(api.setTrainJobSuspended).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.setTrainJobSuspended).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Suspend',
      }),
    );
    await waitFor(() =>
      expect(api.setTrainJobSuspended).toHaveBeenCalledWith(
        {
          cluster: 'sovereign-fr',
          namespace: 'fraud-ml',
          name: 'fraud-detector-train-0419',
        },
        true,
      ),
    );
  });

  it('shows an action that failed in its dialog', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(failedStatus),
      deleteTrainJob: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'permission',
            'Could not delete the training job: your permissions do not allow it.',
          ),
        ),
    });
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity: failedJob,
      mlopsApi: api,
    });
    // A finished job can only be deleted.
    expect(
      screen.queryByRole('button', { name: 'Suspend' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Delete',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'your permissions do not allow it',
    );
  });

  it('says which annotations are missing', async () => {
    await renderEntityCard(<TrainingJobStatusCard />, {
      entity: {
        ...runningJob,
        metadata: { ...runningJob.metadata, annotations: {} },
      },
    });
    expect(
      screen.getByText(/kubeflow.org\/name annotation/),
    ).toBeInTheDocument();
  });
});
