import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { parseSingleYamlDocument } from '@golden-paths/golden-paths-common';
import { contentHashOf, type RenderedFile } from '../scaffold/manifest';
import { hideTemplateFolder } from './templateLocationText';
import type { TemplateTreeReader } from './templateTree';

/**
 * The annotation on a registered golden-path template that says where the
 * revision for each path version lives, with `{version}` in it: a folder
 * next to the template (the default, `./versions/{version}`) or a Git tag,
 * such as `https://github.com/acme/templates/tree/v{version}/node-service`.
 *
 * @public
 */
export const ANNOTATION_TEMPLATE_REVISIONS =
  'golden-paths.dev/template-revisions';

/**
 * Where revisions are when a template does not say.
 *
 * @public
 */
export const DEFAULT_TEMPLATE_REVISIONS = './versions/{version}';

/**
 * The fixed files a template renders for one path version.
 *
 * @public
 */
export interface TemplateRevision {
  /** The path version the revision is for. */
  version: string;
  /** Where the revision's files were read from. */
  location: string;
  /** The revision's own `template.yaml`, parsed. */
  template: { spec: { steps: unknown[] } } & Record<string, unknown>;
  /** The revision's files. */
  files: RenderedFile[];
  /** `sha256:` over the revision's files, in path order. */
  contentHash: string;
  /** `RELEASE_NOTES.md` of the revision, when it has one. */
  releaseNotes?: string;
}

/** `1.2.3` and `1.2.3-rc.1` but nothing that could climb out of a folder. */
const SAFE_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+-]*$/;

/**
 * Reads the revision of a registered template for one path version.
 * Throws `NotFoundError` when the template has no such revision.
 *
 * @public
 */
export async function readTemplateRevision(
  reader: TemplateTreeReader,
  options: {
    /** The registered template's own file URL. */
    templateUrl: string;
    annotations?: Record<string, string>;
    version: string;
  },
): Promise<TemplateRevision> {
  const { templateUrl, version } = options;
  if (!SAFE_VERSION.test(version) || version.includes('..')) {
    throw new InputError(`"${version}" is not a version`);
  }
  const pattern =
    options.annotations?.[ANNOTATION_TEMPLATE_REVISIONS] ??
    DEFAULT_TEMPLATE_REVISIONS;
  const location = reader.resolve(
    templateUrl,
    pattern.replaceAll('{version}', version),
  );
  // Messages name a file template's revision relative to the template.
  const shown = hideTemplateFolder(location, templateUrl);
  let files: RenderedFile[];
  try {
    files = await reader.readTree(location, { templateUrl });
  } catch (error) {
    const reason = hideTemplateFolder((error as Error).message, templateUrl);
    if (error instanceof NotAllowedError) {
      throw new NotAllowedError(
        `The template's revision for version ${version} at ${shown} was not read: ${reason}`,
      );
    }
    throw new NotFoundError(
      `The template has no revision for version ${version} at ${shown}: ${reason}`,
    );
  }
  const templateFile = files.find(f => f.path === 'template.yaml');
  if (!templateFile) {
    throw new NotFoundError(
      `The template's revision for version ${version} at ${shown} has no template.yaml`,
    );
  }
  const template = parseSingleYamlDocument(
    templateFile.content.toString('utf8'),
    { file: `${shown}/template.yaml` },
  ).value as TemplateRevision['template'] | undefined;
  if (!Array.isArray(template?.spec?.steps)) {
    throw new InputError(
      `${shown}/template.yaml: spec.steps must list the steps that render version ${version}`,
    );
  }
  const notes = files.find(f => f.path === 'RELEASE_NOTES.md');
  return {
    version,
    location,
    template,
    files,
    contentHash: contentHashOf(files),
    releaseNotes: notes?.content.toString('utf8'),
  };
}
