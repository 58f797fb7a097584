import { useRouteRef, type RouteRef } from '@backstage/core-plugin-api';

/**
 * A link to a route of this plugin, or undefined when the app does not mount
 * it (an adopter may leave out a page). `useRouteRef` throws for unmounted
 * routes only after running all of its hooks, so catching keeps the hook
 * order stable.
 */
export function useOptionalRouteRef(routeRef: RouteRef): string | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(routeRef)();
  } catch {
    return undefined;
  }
}
