import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { BackstageTheme } from '@backstage/theme';
import { phaseTone, type PhaseTone } from '../../lib/phase';

const useStyles = makeStyles((theme: BackstageTheme) => {
  const status = theme.palette.status;
  const tone = (color: string) => ({
    backgroundColor: color,
    color: theme.palette.getContrastText(color),
    fontWeight: 600,
  });
  return {
    ok: tone(status.ok),
    error: tone(status.error),
    running: tone(status.running),
    pending: tone(status.pending),
    warning: tone(status.warning),
  } satisfies Record<PhaseTone, object>;
});

/**
 * The phase of a training job as a coloured chip: red for Failed, green for
 * Succeeded, blue for Running, grey otherwise.
 *
 * @public
 */
export function PhaseChip(props: {
  phase?: string;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const phase = props.phase ?? 'Unknown';
  return (
    <Chip
      size={props.size ?? 'small'}
      label={phase}
      className={classes[phaseTone(props.phase)]}
      data-testid="mlops-phase-chip"
      data-tone={phaseTone(props.phase)}
    />
  );
}
