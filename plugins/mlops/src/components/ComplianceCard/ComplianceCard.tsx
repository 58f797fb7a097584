import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlopsApiRef } from '../../api/MlopsApi';
import { useOptionalRouteRef } from '../../hooks/useOptionalRouteRef';
import { complianceRouteRef } from '../../routes';
import { AsyncContent } from '../AsyncContent';
import { ComplianceStatusIcon } from './ComplianceStatusIcon';

/**
 * The sovereignty checks of the current entity: each with pass, fail or
 * unknown, its reason and a link to the entity that caused it.
 *
 * @public
 */
export function ComplianceCard() {
  const { entity } = useEntity();
  const api = useApi(mlopsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const deepLink = useOptionalRouteRef(complianceRouteRef);
  const { value, loading, error } = useAsync(
    () => api.getEntityCompliance(entityRef),
    [api, entityRef],
  );
  return (
    <InfoCard
      title="Sovereignty compliance"
      deepLink={
        deepLink ? { title: 'All ML assets', link: deepLink } : undefined
      }
    >
      <AsyncContent
        loading={loading}
        error={error}
        empty={
          value?.results.length === 0 &&
          'No sovereignty check applies to this entity.'
        }
      >
        {value && (
          <>
            <Typography variant="body2" gutterBottom component="div">
              Overall: <ComplianceStatusIcon status={value.status} />
            </Typography>
            <Table size="small" aria-label="Compliance checks">
              <TableHead>
                <TableRow>
                  <TableCell>Check</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell>Reason</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {value.results.map(r => (
                  <TableRow key={`${r.check}-${r.reason}`}>
                    <TableCell component="th" scope="row">
                      {r.check}
                    </TableCell>
                    <TableCell>
                      <ComplianceStatusIcon status={r.status} />
                    </TableCell>
                    <TableCell>
                      {r.reason}
                      {r.causedBy &&
                        r.causedBy.toLocaleLowerCase('en-US') !==
                          entityRef.toLocaleLowerCase('en-US') && (
                          <>
                            {' '}
                            (<EntityRefLink entityRef={r.causedBy} />)
                          </>
                        )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </AsyncContent>
    </InfoCard>
  );
}
