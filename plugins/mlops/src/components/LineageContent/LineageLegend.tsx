import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { KIND_LABELS } from '../../lib/kinds';
import { KIND_COLORS, RELATION_STYLES } from './lineageStyles';

/** What the colours (kinds) and line styles (relations) of the graph mean. */
export function LineageLegend() {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 16 }}
      aria-label="Legend"
      role="group"
    >
      {Object.entries(KIND_COLORS).map(([kind, color]) => (
        <Box key={kind} display="flex" alignItems="center" style={{ gap: 6 }}>
          <svg width="14" height="14" aria-hidden>
            <rect width="14" height="14" rx="3" fill={color} />
          </svg>
          <Typography variant="caption">
            {KIND_LABELS[kind]?.singular ?? kind}
          </Typography>
        </Box>
      ))}
      {Object.entries(RELATION_STYLES).map(([relation, style]) => (
        <Box
          key={relation}
          display="flex"
          alignItems="center"
          style={{ gap: 6 }}
        >
          <svg width="34" height="10" aria-hidden>
            <line
              x1="0"
              y1="5"
              x2="34"
              y2="5"
              stroke="currentColor"
              strokeWidth={style.width}
              strokeDasharray={style.dash}
            />
          </svg>
          <Typography variant="caption">{style.label}</Typography>
        </Box>
      ))}
      <Typography variant="caption" color="textSecondary">
        Arrows point the way data flows. A “+N” node stands for N entities that
        only connect there: click it to expand.
      </Typography>
    </Box>
  );
}
