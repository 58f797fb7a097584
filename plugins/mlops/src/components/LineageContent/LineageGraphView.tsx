import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type WheelEvent,
} from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import ZoomInIcon from '@material-ui/icons/ZoomIn';
import ZoomOutIcon from '@material-ui/icons/ZoomOut';
import FullscreenExitIcon from '@material-ui/icons/ZoomOutMap';
import type {
  LineageLayout,
  PlacedNode,
} from '../../lib/lineage/layoutLineage';
import { NODE_HEIGHT, NODE_WIDTH } from '../../lib/lineage/layoutLineage';
import { KIND_LABELS } from '../../lib/kinds';
import { kindColor, RELATION_STYLES } from './lineageStyles';

/** Name of the performance mark set when the lineage is requested. */
export const LINEAGE_START_MARK = 'mlops-lineage-start';
/** Name of the performance mark set once the graph is drawn and clickable. */
export const LINEAGE_INTERACTIVE_MARK = 'mlops-lineage-interactive';

const MIN_SCALE = 0.1;
const MAX_SCALE = 2;
/** Below this, labels are too small to read: start zoomed in on the root. */
const READABLE_SCALE = 0.6;

const useStyles = makeStyles(theme => ({
  frame: {
    position: 'relative',
    height: '70vh',
    minHeight: 420,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    overflow: 'hidden',
    background: theme.palette.background.default,
    touchAction: 'none',
    cursor: 'grab',
  },
  controls: {
    position: 'absolute',
    right: 8,
    top: 8,
    display: 'flex',
    flexDirection: 'column',
    background: theme.palette.background.paper,
    borderRadius: 4,
    boxShadow: theme.shadows[1],
  },
  node: {
    cursor: 'pointer',
    '&:focus': { outline: 'none' },
    '&:focus > rect:first-child, &:hover > rect:first-child': {
      strokeWidth: 3,
    },
  },
  nodeBox: { fill: theme.palette.background.paper },
  title: {
    fill: theme.palette.text.primary,
    fontSize: 13,
    fontWeight: 600,
    fontFamily: theme.typography.fontFamily,
  },
  subtitle: {
    fill: theme.palette.text.secondary,
    fontSize: 11,
    fontFamily: theme.typography.fontFamily,
  },
  edge: { fill: 'none', stroke: theme.palette.text.secondary, opacity: 0.7 },
  arrow: { fill: theme.palette.text.secondary },
}));

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function subtitle(node: PlacedNode): string {
  const label = KIND_LABELS[node.kind]?.singular ?? node.kind;
  if (node.members) {
    const plural = KIND_LABELS[node.kind]?.plural ?? node.kind;
    return `${plural.toLocaleLowerCase('en-US')}, click to expand`;
  }
  const extra = node.entity?.phase ?? node.entity?.type;
  return extra ? `${label} · ${extra}` : label;
}

interface View {
  k: number;
  x: number;
  y: number;
}

/**
 * The lineage graph as SVG, with pan (drag), zoom (wheel, buttons) and
 * keyboard-accessible nodes. Clicking an entity opens it; clicking a group
 * expands it.
 */
export function LineageGraphView(props: {
  layout: LineageLayout;
  onOpen: (node: PlacedNode) => void;
  onExpand: (node: PlacedNode) => void;
}) {
  const { layout, onOpen, onExpand } = props;
  const classes = useStyles();
  const frame = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; moved: boolean }>();

  const fit = useCallback(
    (readable: boolean) => {
      const el = frame.current;
      if (!el) return;
      const w = el.clientWidth || 800;
      const h = el.clientHeight || 500;
      const fitK = Math.min(w / layout.width, h / layout.height, 1);
      if (!readable || fitK >= READABLE_SCALE) {
        const k = Math.max(fitK, MIN_SCALE);
        setView({
          k,
          x: (w - layout.width * k) / 2,
          y: (h - layout.height * k) / 2,
        });
        return;
      }
      // Too big to read whole: centre the start entity at a readable size.
      const root = layout.nodes.find(n => n.isRoot) ?? layout.nodes[0];
      const k = READABLE_SCALE;
      setView({ k, x: w / 2 - root.x * k, y: h / 2 - root.y * k });
    },
    [layout],
  );

  useLayoutEffect(() => fit(true), [fit]);

  useEffect(() => {
    // The graph is painted and its nodes answer clicks after this frame.
    const id = requestAnimationFrame(() => {
      // Older test DOMs have no User Timing API.
      if (typeof performance?.mark !== 'function') return;
      performance.mark(LINEAGE_INTERACTIVE_MARK, {
        detail: { nodes: layout.nodes.length, edges: layout.edges.length },
      });
    });
    return () => cancelAnimationFrame(id);
  }, [layout]);

  const zoom = (factor: number, cx?: number, cy?: number) => {
    const el = frame.current;
    const px = cx ?? (el ? el.clientWidth / 2 : 0);
    const py = cy ?? (el ? el.clientHeight / 2 : 0);
    setView(v => {
      const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.k * factor));
      const f = k / v.k;
      return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
    });
  };

  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    zoom(
      e.deltaY < 0 ? 1.15 : 1 / 1.15,
      e.clientX - rect.left,
      e.clientY - rect.top,
    );
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    setView(v => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const onPointerUp = () => {
    // Keep `moved` until the click that follows a drag has been ignored.
    setTimeout(() => {
      drag.current = undefined;
    }, 0);
  };

  const activate = (node: PlacedNode) => {
    if (drag.current?.moved) return;
    if (node.members) onExpand(node);
    else onOpen(node);
  };
  const onKey = (node: PlacedNode) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(node);
    }
  };

  return (
    <div
      ref={frame}
      className={classes.frame}
      onWheel={onWheel}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={onPointerUp}
      data-testid="mlops-lineage-graph"
    >
      <svg width="100%" height="100%" role="img" aria-label="Lineage graph">
        <defs>
          <marker
            id="mlops-lineage-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={classes.arrow} />
          </marker>
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          {layout.edges.map(e => {
            const style = RELATION_STYLES[e.relation] ?? { width: 1 };
            const [from, to] = [e.points[0], e.points[e.points.length - 1]];
            const bend = Math.max(40, (to.x - from.x) / 2);
            const d = `M${from.x},${from.y} C${from.x + bend},${from.y} ${
              to.x - bend
            },${to.y} ${to.x},${to.y}`;
            return (
              <path
                key={e.id}
                d={d}
                className={classes.edge}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
                markerEnd="url(#mlops-lineage-arrow)"
              >
                <title>
                  {RELATION_STYLES[e.relation]?.label ?? e.relation}
                </title>
              </path>
            );
          })}
          {layout.nodes.map(n => {
            const color = kindColor(n.kind);
            const x = n.x - NODE_WIDTH / 2;
            const y = n.y - NODE_HEIGHT / 2;
            const name = n.members ? `${n.title} ${subtitle(n)}` : n.title;
            return (
              <g
                key={n.id}
                className={classes.node}
                transform={`translate(${x},${y})`}
                role={n.members ? 'button' : 'link'}
                tabIndex={0}
                aria-label={`${
                  KIND_LABELS[n.kind]?.singular ?? n.kind
                } ${name}`}
                data-ref={n.entity?.ref}
                onClick={() => activate(n)}
                onKeyDown={onKey(n)}
              >
                <rect
                  width={NODE_WIDTH}
                  height={NODE_HEIGHT}
                  rx={6}
                  className={classes.nodeBox}
                  stroke={color}
                  strokeWidth={n.isRoot ? 3 : 1.5}
                  strokeDasharray={n.members ? '5 3' : undefined}
                />
                <rect width={6} height={NODE_HEIGHT} rx={3} fill={color} />
                <text x={14} y={19} className={classes.title}>
                  {truncate(n.title, 26)}
                </text>
                <text x={14} y={36} className={classes.subtitle}>
                  {truncate(subtitle(n), 32)}
                </text>
                <title>
                  {n.members
                    ? n.members.map(m => m.title).join('\n')
                    : `${n.title}\n${n.entity?.ref ?? ''}`}
                </title>
              </g>
            );
          })}
        </g>
      </svg>
      <Box className={classes.controls}>
        <Tooltip title="Zoom in" placement="left">
          <IconButton
            size="small"
            aria-label="Zoom in"
            onClick={() => zoom(1.25)}
          >
            <ZoomInIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Zoom out" placement="left">
          <IconButton
            size="small"
            aria-label="Zoom out"
            onClick={() => zoom(0.8)}
          >
            <ZoomOutIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Show the whole graph" placement="left">
          <IconButton
            size="small"
            aria-label="Show the whole graph"
            onClick={() => fit(false)}
          >
            <FullscreenExitIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </div>
  );
}
