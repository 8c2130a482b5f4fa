import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  GOLDEN_PATH_KIND,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import {
  SCAFFOLD_RECORD_PATH,
  TemplateRenderer,
  type TemplateRenderServices,
  contentHashOf,
  createScaffoldContext,
  manifestOf,
  readTemplateRevision,
  recordableValues,
  stringifyScaffoldRecord,
  type RenderedFile,
} from '@golden-paths/golden-paths-node';
import { parseActionInput } from '../lib/parseActionInput';
import { readRegisteredTemplate } from '../lib/registeredTemplate';
import { examples } from './templateRender.examples';
import {
  templateRenderInputSchema,
  templateRenderOutputSchema,
} from './templateRenderSchema';

const ACTION_ID = 'golden-paths:template:render';

/**
 * The services the action renders with.
 *
 * @public
 */
export interface TemplateRenderActionOptions extends TemplateRenderServices {}

async function writeFiles(workspace: string, files: RenderedFile[]) {
  for (const file of files) {
    const target = resolveSafeChildPath(workspace, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
    if (file.executable) {
      await chmod(target, 0o755);
    }
  }
}

/**
 * Creates the `golden-paths:template:render` action: it renders the fixed
 * revision of the running template for the path's version (the folder or
 * Git tag named by `golden-paths.dev/template-revisions`) through the
 * scaffolder's own engine, writes the files into the workspace, and records
 * in `.golden-paths/scaffold.yaml` how: template, revision and its hash,
 * path version, the form's values without secrets, the seed and time the
 * render used, and every file's hash. An upgrade renders the same again.
 *
 * @public
 */
export function createTemplateRenderAction(
  options: TemplateRenderActionOptions,
) {
  const renderer = new TemplateRenderer(options);
  return createTemplateAction({
    id: ACTION_ID,
    description:
      "Renders the running template's fixed revision for a golden path version into the workspace, with the same engine upgrades use, and writes .golden-paths/scaffold.yaml (values without secrets, seed, file hashes).",
    examples,
    supportsDryRun: true,
    schema: {
      input: () => templateRenderInputSchema,
      output: () => templateRenderOutputSchema,
    },
    async handler(ctx) {
      const input = parseActionInput(
        ACTION_ID,
        templateRenderInputSchema,
        ctx.input,
      );
      const credentials = await ctx.getInitiatorCredentials();
      const { templateUrl, reader, annotations, parameters } =
        await readRegisteredTemplate(ctx, { ...options, credentials });
      const pathRef = stringifyEntityRef(
        parseEntityRef(input.path, { defaultKind: GOLDEN_PATH_KIND }),
      );
      const path = await options.catalog.getEntityByRef(pathRef, {
        credentials,
      });
      if (!path || !isGoldenPathEntity(path)) {
        throw new NotFoundError(`Golden path ${pathRef} not found`);
      }

      const revision = await readTemplateRevision(reader, {
        templateUrl,
        annotations,
        version: input.version,
      });
      const values = recordableValues(parameters, input.values);
      const pathContext = {
        entityRef: pathRef,
        version: input.version,
        title: path.metadata.title,
        guarantees: [...(path.spec.guarantees ?? [])],
      };
      const templateRef =
        ctx.templateInfo?.entityRef ?? 'template:default/unknown';
      const context = createScaffoldContext();
      const files = (
        await renderer.render({
          revision,
          values,
          path: pathContext,
          templateRef,
          context,
          credentials,
        })
      ).filter(file => file.path !== SCAFFOLD_RECORD_PATH);

      await writeFiles(ctx.workspacePath, files);
      const record = stringifyScaffoldRecord({
        schemaVersion: 1,
        template: {
          entityRef: templateRef,
          source: templateUrl,
          revision: {
            location: revision.location,
            contentHash: contentHashOf(revision.files),
          },
        },
        path: pathContext,
        values,
        context,
        files: manifestOf(files),
      });
      await writeFiles(ctx.workspacePath, [
        { path: SCAFFOLD_RECORD_PATH, content: Buffer.from(record) },
      ]);
      ctx.logger.info(
        `Rendered ${files.length} files of ${pathRef} version ${input.version}`,
      );
      ctx.output('recordPath', SCAFFOLD_RECORD_PATH);
      ctx.output('revision', revision.location);
      ctx.output('files', files.length);
    },
  });
}
