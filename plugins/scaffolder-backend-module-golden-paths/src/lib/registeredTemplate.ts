import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { parseSingleYamlDocument } from '@golden-paths/golden-paths-common';
import {
  TemplateTreeReader,
  type TemplateTreeReaderOptions,
  templateFileUrl,
} from '@golden-paths/golden-paths-node';

/** The template a golden-path action runs in, and how to read its files. */
export interface RegisteredTemplate {
  /** The template's own file, which its revisions are found from. */
  templateUrl: string;
  reader: TemplateTreeReader;
  annotations?: Record<string, string>;
  parameters?: unknown;
}

/**
 * Finds the running template as an upgrade finds it. In a task: the
 * catalog's entity (read with the initiator's credentials) and the file
 * the catalog read it from, never `backstage.io/source-location`, which
 * the template's author writes. In a dry run (the template editor's Try):
 * the files the caller sent, read in the dry run's own folder and nowhere
 * else.
 */
export async function readRegisteredTemplate(
  ctx: {
    isDryRun?: boolean;
    templateInfo?: { entityRef?: string; baseUrl?: string };
  },
  options: TemplateTreeReaderOptions & {
    catalog: CatalogService;
    credentials: BackstageCredentials;
  },
): Promise<RegisteredTemplate> {
  if (ctx.isDryRun) {
    const templateUrl = ctx.templateInfo?.baseUrl;
    if (!templateUrl?.startsWith('file:')) {
      throw new InputError(
        'golden-paths:template:render runs inside a template; this dry run has no template folder',
      );
    }
    const reader = new TemplateTreeReader({
      ...options,
      templateDirectories: [dirname(fileURLToPath(templateUrl))],
    });
    const registered = parseSingleYamlDocument(
      (await reader.readFile(templateUrl)).toString('utf8'),
      { file: 'template.yaml' },
    ).value as any;
    return {
      templateUrl,
      reader,
      annotations: registered?.metadata?.annotations,
      parameters: registered?.spec?.parameters,
    };
  }
  const templateRef = ctx.templateInfo?.entityRef;
  if (!templateRef) {
    throw new InputError(
      'golden-paths:template:render runs inside a template registered in the catalog; this run names no template',
    );
  }
  const template = await options.catalog.getEntityByRef(templateRef, {
    credentials: options.credentials,
  });
  if (!template) {
    throw new NotFoundError(`Template ${templateRef} not found`);
  }
  return {
    templateUrl: templateFileUrl(template),
    reader: new TemplateTreeReader(options),
    annotations: template.metadata.annotations,
    parameters: template.spec?.parameters,
  };
}
