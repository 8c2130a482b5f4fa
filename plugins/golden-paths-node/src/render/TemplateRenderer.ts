import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import type { RenderedFile } from '../scaffold/manifest';
import { scaffoldHelpers } from '../scaffold/scaffoldContext';
import type {
  ScaffoldContext,
  ScaffoldPathContext,
} from '../scaffold/scaffoldRecord';
import { RESERVED_VALUE_KEYS } from '../scaffold/recordableValues';
import type { TemplateRevision } from './templateRevision';

/**
 * One render of a template revision.
 *
 * @public
 */
export interface RenderRequest {
  /** The revision to render. */
  revision: TemplateRevision;
  /** The form's values, as kept in the scaffold record. */
  values: JsonObject;
  /** The path version the render is for, as the template sees it. */
  path: ScaffoldPathContext;
  /** The registered template, for `backstage.io/source-template`. */
  templateRef: string;
  /** The seed and time every render of one repository shares. */
  context: ScaffoldContext;
  /** The caller's, for the scaffolder's dry run. */
  credentials: BackstageCredentials;
  /** Stops the render (an upgrade plan's deadline). */
  signal?: AbortSignal;
}

interface DryRunResponse {
  log?: Array<{
    body?: { message?: string; status?: string; stepId?: string };
  }>;
  directoryContents?: Array<{
    path: string;
    base64Content: string;
    executable?: boolean;
  }>;
}

/**
 * Renders a template revision through the scaffolder's own engine (its
 * dry-run endpoint, with the caller's credentials), so scaffolding and
 * every later upgrade render with the same actions and templating.
 *
 * @public
 */
export class TemplateRenderer {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  /**
   * The files the revision renders to, as the scaffolder would write them.
   * Throws `InputError` when a form value uses a reserved name.
   */
  async render(request: RenderRequest): Promise<RenderedFile[]> {
    const { revision } = request;
    for (const key of RESERVED_VALUE_KEYS) {
      if (key in request.values) {
        throw new InputError(
          `The form value "${key}" is reserved for golden-path renders; rename the template's parameter`,
        );
      }
    }
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: request.credentials,
      targetPluginId: 'scaffolder',
    });
    const baseUrl = await this.#discovery.getBaseUrl('scaffolder');
    const response = await fetch(`${baseUrl}/v2/dry-run`, {
      method: 'POST',
      signal: request.signal,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        template: revision.template,
        values: {
          ...request.values,
          goldenPath: { ...request.path, template: request.templateRef },
          scaffold: scaffoldHelpers(request.context),
        },
        directoryContents: revision.files.map(file => ({
          path: file.path,
          base64Content: file.content.toString('base64'),
        })),
      }),
    });
    const text = await response.text();
    if (!response.ok) {
      // Named by the template's ref: a revision registered from a file
      // has the host's absolute path as its location.
      throw new InputError(
        `Rendering version ${revision.version} of ${
          request.templateRef
        } failed: ${describeError(text)}`,
      );
    }
    const result = JSON.parse(text) as DryRunResponse;
    const failed = (result.log ?? []).find(e => e.body?.status === 'failed');
    if (failed) {
      throw new InputError(
        `Rendering version ${revision.version} of ${
          request.templateRef
        } failed in step ${failed.body?.stepId ?? '?'}: ${
          failed.body?.message ?? 'no message'
        }`,
      );
    }
    return (result.directoryContents ?? []).map(file => ({
      path: file.path,
      content: Buffer.from(file.base64Content, 'base64'),
      executable: file.executable ?? false,
    }));
  }
}

function describeError(text: string): string {
  try {
    const body = JSON.parse(text);
    if (Array.isArray(body?.errors)) {
      return body.errors
        .map((e: any) => `${e.property ?? ''} ${e.message ?? ''}`.trim())
        .join('; ');
    }
    return body?.error?.message ?? text.slice(0, 500);
  } catch {
    return text.slice(0, 500);
  }
}
