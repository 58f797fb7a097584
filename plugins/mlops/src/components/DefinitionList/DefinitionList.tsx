import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
    marginBottom: theme.spacing(1),
  },
  term: {
    fontWeight: 600,
    color: theme.palette.text.secondary,
  },
  value: {
    margin: 0,
    overflowWrap: 'anywhere',
    '& .MuiChip-root': { margin: theme.spacing(0, 0.5, 0.5, 0) },
  },
}));

/** Label and value pairs, as an accessible description list. */
export function DefinitionList(props: { items: Array<[string, ReactNode]> }) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.items.map(([term, value]) => (
        <Typography
          component="div"
          variant="body2"
          key={term}
          style={{ display: 'contents' }}
        >
          <dt className={classes.term}>{term}</dt>
          <dd className={classes.value}>{value}</dd>
        </Typography>
      ))}
    </dl>
  );
}
