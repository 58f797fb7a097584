import type { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { MlopsErrorPanel } from '../MlopsErrorPanel';

/**
 * The three states every card has besides its content: loading, failed and
 * empty, each with a message, so that no card is ever blank.
 */
export function AsyncContent(props: {
  loading?: boolean;
  error?: Error;
  /** Shown instead of the children when set. */
  empty?: ReactNode | false;
  children?: ReactNode;
}) {
  if (props.error) {
    return <MlopsErrorPanel error={props.error} />;
  }
  if (props.loading) {
    return <Progress />;
  }
  if (props.empty) {
    return <EmptyMessage>{props.empty}</EmptyMessage>;
  }
  return <>{props.children}</>;
}

/** A muted one-line message for an empty card or section. */
export function EmptyMessage(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary" data-testid="mlops-empty">
      {props.children}
    </Typography>
  );
}
