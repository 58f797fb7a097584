import { useEffect, useMemo, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { mlopsApiRef } from '../../api/MlopsApi';
import type { LineageQueryDirection } from '../../api/types';
import { KIND_LABELS } from '../../lib/kinds';
import { buildLineageGraph } from '../../lib/lineage/buildLineageGraph';
import { layoutLineage } from '../../lib/lineage/layoutLineage';
import { AsyncContent } from '../AsyncContent';
import { LINEAGE_START_MARK, LineageGraphView } from './LineageGraphView';
import { LineageLegend } from './LineageLegend';
import { KIND_COLORS } from './lineageStyles';

const EMPTY_MESSAGES: Record<LineageQueryDirection, string> = {
  upstream:
    'Nothing upstream: this entity reads from no dataset, consumes no features and was produced by no training job in the catalog.',
  downstream:
    'Nothing downstream: no feature view, feature service, training job or model in the catalog is built from this entity.',
  both: 'No lineage in either direction: no reads from, consumes features or produced by relation leads to or from this entity.',
};
const DEPTHS = [1, 2, 3, 4, 5, 6, 8, 10];
const FILTERABLE_KINDS = Object.keys(KIND_COLORS);

/**
 * The lineage of the current entity as an interactive graph: upstream (what
 * it was built from), downstream (what was built from it) or both, to a
 * chosen depth, with a kind filter. One lineage request per direction and
 * depth; filtering and expanding happen in the browser.
 *
 * @public
 */
export function LineageContent(props: {
  /** Initial depth, 3 by default. */
  depth?: number;
}) {
  const { entity } = useEntity();
  const api = useApi(mlopsApiRef);
  const navigate = useNavigate();
  const entityLink = useEntityRefLink();
  const entityRef = stringifyEntityRef(entity);
  const [direction, setDirection] = useState<LineageQueryDirection>('both');
  const [depth, setDepth] = useState(props.depth ?? 3);
  const [hiddenKinds, setHiddenKinds] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  const { value, loading, error } = useAsync(() => {
    // With the interactive mark, times the whole path: request, layout, paint.
    if (typeof performance?.mark === 'function') {
      performance.mark(LINEAGE_START_MARK);
    }
    return api.getLineage({ entityRef, direction, depth });
  }, [api, entityRef, direction, depth]);
  useEffect(() => setExpanded(new Set()), [value]);

  const layout = useMemo(() => {
    if (!value) return undefined;
    const graph = buildLineageGraph(value, { expanded, hiddenKinds });
    return layoutLineage(graph);
  }, [value, expanded, hiddenKinds]);

  const toggleKind = (kind: string) =>
    setHiddenKinds(prev => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <InfoCard title="Lineage" noPadding={false}>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 16 }}
        mb={1}
      >
        <ToggleButtonGroup
          size="small"
          exclusive
          value={direction}
          onChange={(_, v) => v && setDirection(v)}
          aria-label="Direction"
        >
          <ToggleButton value="upstream" aria-label="Upstream">
            Upstream
          </ToggleButton>
          <ToggleButton value="both" aria-label="Both directions">
            Both
          </ToggleButton>
          <ToggleButton value="downstream" aria-label="Downstream">
            Downstream
          </ToggleButton>
        </ToggleButtonGroup>
        <FormControl size="small" style={{ minWidth: 90 }}>
          <InputLabel id="mlops-lineage-depth">Depth</InputLabel>
          <Select
            labelId="mlops-lineage-depth"
            value={depth}
            onChange={e => setDepth(Number(e.target.value))}
          >
            {DEPTHS.map(d => (
              <MenuItem key={d} value={d}>
                {d}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Box display="flex" flexWrap="wrap" role="group" aria-label="Kinds">
          {FILTERABLE_KINDS.map(kind => (
            <FormControlLabel
              key={kind}
              control={
                <Checkbox
                  size="small"
                  checked={!hiddenKinds.has(kind)}
                  onChange={() => toggleKind(kind)}
                  style={{ color: KIND_COLORS[kind] }}
                />
              }
              label={KIND_LABELS[kind]?.plural ?? kind}
            />
          ))}
        </Box>
      </Box>
      <AsyncContent
        loading={loading}
        error={error}
        empty={value && value.nodes.length <= 1 && EMPTY_MESSAGES[direction]}
      >
        {layout && value && (
          <>
            <Typography variant="caption" color="textSecondary" component="div">
              {value.nodes.length} entities, {value.edges.length} relations
              {value.truncated &&
                ` · the lineage goes on beyond depth ${value.depth}: raise the depth to see more`}
              {value.dangling.length > 0 &&
                ` · ${value.dangling.length} relation targets are missing from the catalog`}
            </Typography>
            <LineageGraphView
              layout={layout}
              onOpen={node =>
                node.entity && navigate(entityLink(node.entity.ref))
              }
              onExpand={node => setExpanded(prev => new Set(prev).add(node.id))}
            />
            <Box mt={1}>
              <LineageLegend />
            </Box>
          </>
        )}
      </AsyncContent>
    </InfoCard>
  );
}
