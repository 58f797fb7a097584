import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The ML home page (`/ml` by default).
 *
 * @public
 */
export const mlHomeRouteRef = createRouteRef({ id: 'mlops:home' });

/**
 * The sovereignty compliance page (`/ml/compliance` by default).
 *
 * @public
 */
export const complianceRouteRef = createRouteRef({ id: 'mlops:compliance' });
