import type { Entity } from '@backstage/catalog-model';
import { type RouteRef, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { parseGoldenPathRef } from '@golden-paths/golden-paths-common';
import { useCallback } from 'react';
import { pathRouteRef } from '../../routes';

type RouteFunc<P> = (params: P) => string;
type PathParams = { namespace: string; name: string };
type EntityParams = { namespace: string; kind: string; name: string };

/**
 * `useRouteRef` throws for a route the app does not mount. The path page is
 * not mounted when an app only adds the entity content tab, so links fall
 * back to the catalog. The hooks inside `useRouteRef` all run before it
 * throws, so the hook order is the same on every render.
 */
function useMountedRoute<P>(routeRef: unknown): RouteFunc<P> | undefined {
  try {
    return useRouteRef(routeRef as RouteRef) as unknown as RouteFunc<P>;
  } catch {
    return undefined;
  }
}

/**
 * Returns a function giving the address of a golden path's page on the
 * Golden Paths page, or undefined when the app does not mount that page.
 */
export function useGoldenPathPageHref():
  | ((pathRef: string) => string | undefined)
  | undefined {
  const pathRoute = useMountedRoute<PathParams>(pathRouteRef);
  const href = useCallback(
    (pathRef: string) => {
      const ref = parseGoldenPathRef(pathRef);
      return ref && pathRoute?.({ namespace: ref.namespace, name: ref.name });
    },
    [pathRoute],
  );
  return pathRoute ? href : undefined;
}

/**
 * Returns a function giving the address of a golden path: its page on the
 * Golden Paths page when the app mounts it, else its catalog entity page.
 */
export function useGoldenPathHref(): (pathRef: string) => string | undefined {
  const pagePath = useGoldenPathPageHref();
  const entityRoute = useMountedRoute<EntityParams>(entityRouteRef);
  return useCallback(
    (pathRef: string) => {
      if (pagePath) {
        return pagePath(pathRef);
      }
      const ref = parseGoldenPathRef(pathRef);
      return (
        ref &&
        entityRoute?.({
          namespace: ref.namespace.toLocaleLowerCase('en-US'),
          kind: ref.kind.toLocaleLowerCase('en-US'),
          name: ref.name,
        })
      );
    },
    [pagePath, entityRoute],
  );
}

/** The address of an entity's catalog page, when the catalog is mounted. */
export function useCatalogHref(entity: Entity): string | undefined {
  const entityRoute = useMountedRoute<EntityParams>(entityRouteRef);
  return entityRoute?.(entityRouteParams(entity));
}
