import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { MLOPS_ERROR_TITLES, MlopsApiError } from '../../api/MlopsApiError';

/**
 * Shows why a card could not load, with a title that names the kind of
 * failure (backend down, cluster unreachable, permission denied, ...) and
 * the message that says what to do.
 */
export function MlopsErrorPanel(props: { error: Error; title?: string }) {
  const { error } = props;
  const title =
    props.title ??
    (error instanceof MlopsApiError
      ? MLOPS_ERROR_TITLES[error.kind]
      : 'Something went wrong');
  return (
    <Alert
      severity={
        error instanceof MlopsApiError && error.kind === 'permission'
          ? 'warning'
          : 'error'
      }
      data-testid="mlops-error"
    >
      <AlertTitle>{title}</AlertTitle>
      {error.message}
    </Alert>
  );
}
