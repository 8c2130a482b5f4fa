import type {
  AuthService,
  DiscoveryService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { TemplateTreeReaderOptions } from './templateTree';

/**
 * The services that read registered templates and their revisions and
 * render them through the scaffolder's engine, with a caller's
 * credentials: what `ComponentUpgrader` and the
 * `golden-paths:template:render` action are made with.
 *
 * @public
 */
export interface TemplateRenderServices
  extends Pick<
    TemplateTreeReaderOptions,
    'templateDirectories' | 'templateLimits'
  > {
  /** Reads entities (components, paths, templates) with the caller's credentials. */
  catalog: CatalogService;
  /** Reads template revisions (and, for an upgrade, the component's repository). */
  urlReader: UrlReaderService;
  /**
   * The Git hosts: a revision's location against its template's URL, a
   * repository's URL, pull requests.
   */
  integrations: ScmIntegrationRegistry;
  /** Finds the scaffolder backend whose engine renders each revision. */
  discovery: DiscoveryService;
  /** Tokens for the scaffolder's dry run, on behalf of the caller. */
  auth: AuthService;
}
