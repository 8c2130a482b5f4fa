import Typography from '@material-ui/core/Typography';
import { CodeSnippet } from '@backstage/core-components';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  type GoldenPathEntityV1alpha1,
  entityRefKey,
} from '@golden-paths/golden-paths-common';
import { stringify } from 'yaml';

/**
 * The part of catalog-info.yaml that makes a component follow a path. The
 * YAML library quotes what needs it (a version such as `1.0` would otherwise
 * read as a number, which an annotation may not be).
 */
export function adoptionYaml(path: GoldenPathEntityV1alpha1): string {
  return stringify({
    metadata: {
      annotations: {
        [ANNOTATION_GOLDEN_PATH]: entityRefKey(path),
        [ANNOTATION_GOLDEN_PATH_VERSION]: String(path.spec.version),
      },
    },
  });
}

/** How to adopt a path: the annotations to add, ready to copy. */
export function AdoptionSnippet(props: {
  path: GoldenPathEntityV1alpha1;
  id?: string;
}) {
  const text = adoptionYaml(props.path);
  return (
    <div id={props.id} data-testid="adoption-snippet">
      <Typography variant="body2" gutterBottom>
        Follow the path's steps on its page, then add these annotations to the
        component's catalog-info.yaml (the version is the path's current one).
        Once the catalog has read the change, this card shows the path's checks
        after the next evaluation.
      </Typography>
      <CodeSnippet language="yaml" text={text} showCopyCodeButton />
    </div>
  );
}
