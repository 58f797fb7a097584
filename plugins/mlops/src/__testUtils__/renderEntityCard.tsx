import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type {
  ExternalRouteRef,
  RouteRef,
} from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { MlopsApi } from '../api/MlopsApi';
import { mlopsApiRef } from '../api/MlopsApi';

/** An MlopsApi whose methods are jest mocks, some given. */
export function mockMlopsApi(
  impl: Partial<MlopsApi> = {},
): jest.Mocked<MlopsApi> {
  const fail = (name: string) => () =>
    Promise.reject(new Error(`${name} not mocked`));
  return {
    getLineage: jest.fn(fail('getLineage')),
    getTrainJobStatus: jest.fn(fail('getTrainJobStatus')),
    openTrainJobLogs: jest.fn(fail('openTrainJobLogs')),
    setTrainJobSuspended: jest.fn(fail('setTrainJobSuspended')),
    deleteTrainJob: jest.fn(fail('deleteTrainJob')),
    getEntityCompliance: jest.fn(fail('getEntityCompliance')),
    getComplianceReport: jest.fn(fail('getComplianceReport')),
    getComplianceReportCsv: jest.fn(fail('getComplianceReportCsv')),
    ...impl,
  } as jest.Mocked<MlopsApi>;
}

/** Renders an entity card in a test app, with the entity in context. */
export function renderEntityCard(
  element: ReactElement,
  options: {
    entity: Entity;
    mlopsApi?: MlopsApi;
    catalogEntities?: Entity[];
    allow?: boolean;
    mountedRoutes?: Record<string, RouteRef | ExternalRouteRef>;
    config?: JsonObject;
  },
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity}>{element}</EntityProvider>,
    {
      config: options.config,
      apis: [
        [mlopsApiRef, options.mlopsApi ?? mockMlopsApi()],
        catalogApiMock({ entities: options.catalogEntities ?? [] }),
        mockApis.permission({
          authorize:
            options.allow === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...options.mountedRoutes,
      },
    },
  );
}
