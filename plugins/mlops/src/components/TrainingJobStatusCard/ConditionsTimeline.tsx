import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineOppositeContent from '@material-ui/lab/TimelineOppositeContent';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { BackstageTheme } from '@backstage/theme';
import type { TrainJobConditionInfo } from '../../api/types';
import { formatTime } from '../../lib/format';

const useStyles = makeStyles((theme: BackstageTheme) => ({
  opposite: { flex: 0.3, paddingLeft: 0 },
  bad: { backgroundColor: theme.palette.status.error },
  good: { backgroundColor: theme.palette.status.ok },
  neutral: { backgroundColor: theme.palette.status.pending },
}));

/** The tone of a condition: a true Failed is bad, a true Complete good. */
function tone(c: TrainJobConditionInfo): 'bad' | 'good' | 'neutral' {
  if (c.status !== 'True') return 'neutral';
  if (c.type === 'Failed') return 'bad';
  if (c.type === 'Complete' || c.type === 'Succeeded') return 'good';
  return 'neutral';
}

/** The TrainJob's conditions in the order they happened. */
export function ConditionsTimeline(props: {
  conditions: TrainJobConditionInfo[];
}) {
  const classes = useStyles();
  const conditions = [...props.conditions].sort((a, b) =>
    (a.lastTransitionTime ?? '').localeCompare(b.lastTransitionTime ?? ''),
  );
  if (conditions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No conditions reported yet.
      </Typography>
    );
  }
  return (
    <Timeline align="left" style={{ padding: 0, margin: 0 }}>
      {conditions.map((c, i) => (
        <TimelineItem key={`${c.type}-${i}`}>
          <TimelineOppositeContent className={classes.opposite}>
            <Typography variant="caption" color="textSecondary">
              {formatTime(c.lastTransitionTime)}
            </Typography>
          </TimelineOppositeContent>
          <TimelineSeparator>
            <TimelineDot className={classes[tone(c)]} />
            {i < conditions.length - 1 && <TimelineConnector />}
          </TimelineSeparator>
          <TimelineContent>
            <Typography variant="body2">
              <strong>{c.type}</strong>
              {c.status !== 'True' && ` (${c.status})`}
              {c.reason && ` · ${c.reason}`}
            </Typography>
            {c.message && (
              <Typography variant="caption" color="textSecondary">
                {c.message}
              </Typography>
            )}
          </TimelineContent>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
