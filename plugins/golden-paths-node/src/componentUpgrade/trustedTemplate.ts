import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import {
  ANNOTATION_SOURCE_TEMPLATE,
  type GoldenPathEntityV1alpha1,
  entityRefKey,
  tryParseEntityRef,
} from '@golden-paths/golden-paths-common';
import { SCAFFOLD_RECORD_PATH } from '../scaffold/scaffoldRecord';

/** A Template's full reference, and its case-insensitive key. */
function templateRef(
  value: unknown,
  defaultNamespace: string,
): { ref: string; key: string } | undefined {
  const parsed = tryParseEntityRef(value, {
    defaultKind: 'template',
    defaultNamespace,
    allowedKinds: ['template'],
  });
  return (
    parsed && { ref: stringifyEntityRef(parsed), key: entityRefKey(parsed) }
  );
}

/**
 * The template an upgrade renders with: the one the repository's
 * `.golden-paths/scaffold.yaml` names, but only where the catalog agrees
 * (the record is written by whoever can push to the repository; the catalog
 * is the platform team's). It must be one of the followed path's
 * `spec.templates`, and the component's `backstage.io/source-template`
 * when the component has that annotation. Otherwise the plan is refused,
 * naming the field that disagrees, and none of the named template's steps
 * runs.
 */
export function trustedTemplateRef(options: {
  recordTemplateRef: string;
  component: Entity;
  path: GoldenPathEntityV1alpha1;
}): string {
  const { recordTemplateRef, component, path } = options;
  const componentRef = stringifyEntityRef(component);
  const pathRef = stringifyEntityRef(path);
  const where = `${SCAFFOLD_RECORD_PATH} in the repository of ${componentRef}`;
  const named = templateRef(recordTemplateRef, 'default');
  if (!named) {
    throw new ConflictError(
      `${where}: template.entityRef ${JSON.stringify(
        recordTemplateRef.slice(0, 200),
      )} is not a reference to a Template`,
    );
  }
  const pathTemplates = (path.spec.templates ?? []).flatMap(
    ref => templateRef(ref, path.metadata.namespace ?? 'default') ?? [],
  );
  if (!pathTemplates.some(t => t.key === named.key)) {
    throw new ConflictError(
      `${where}: template.entityRef ${
        named.ref
      } is not one of the templates of ${pathRef} (spec.templates: ${
        pathTemplates.map(t => t.ref).join(', ') || 'none'
      }), so the upgrade will not render with it`,
    );
  }
  const annotation =
    component.metadata.annotations?.[ANNOTATION_SOURCE_TEMPLATE];
  if (annotation !== undefined) {
    const source = templateRef(
      annotation,
      component.metadata.namespace ?? 'default',
    );
    if (source?.key !== named.key) {
      throw new ConflictError(
        `${where}: template.entityRef ${named.ref} disagrees with the component's ${ANNOTATION_SOURCE_TEMPLATE} annotation in the catalog (${annotation}), so the upgrade will not render with it`,
      );
    }
  }
  return named.ref;
}
