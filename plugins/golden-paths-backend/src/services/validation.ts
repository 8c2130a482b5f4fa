import {
  catalogValidators,
  lintCatalogYaml,
  type ValidateResponse,
} from '@golden-paths/golden-paths-common';

/**
 * Validates catalog YAML with the validators the CLI and the catalog use,
 * and returns every problem with its line and column.
 */
export async function validateCatalogYaml(
  yaml: string,
): Promise<ValidateResponse> {
  const problems = await lintCatalogYaml(yaml, {
    validators: catalogValidators,
  });
  return {
    valid: !problems.some(problem => problem.severity === 'error'),
    problems,
  };
}
