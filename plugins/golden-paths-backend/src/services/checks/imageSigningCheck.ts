import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { createCiToolCheck } from './ci/createCiToolCheck';
import { action, allOf, command, matching } from './ci/ciTools';

/**
 * The `image-signing` guarantee: a CI step signs the image (`cosign sign`,
 * `notation sign`, `docker trust sign`). Build provenance is not a
 * signature and does not count, nor does `cosign sign-blob`.
 *
 * @public
 */
export const imageSigningCheck: GoldenPathCheck = createCiToolCheck({
  id: 'image-signing',
  does: 'signs the image',
  tools: [
    command('cosign', 'sign'),
    allOf(
      'sigstore/cosign-installer with a sign script (make sign, sign.sh, …)',
      action('sigstore/cosign-installer'),
      matching(
        'sign script',
        /(?:^|[\s;&|])(?:make|just|task|npm\s+run|pnpm(?:\s+run)?|yarn)\s+sign(?:-image)?(?=\s|$)|(?:^|[\s/])sign[\w.-]*\.sh\b/m,
      ),
    ),
    command('notation', 'sign'),
    action('notaryproject/notation-action/sign'),
    command('docker', 'trust', 'sign'),
  ],
  fix: 'Sign the pushed image by digest in CI, e.g. sigstore/cosign-installer followed by `cosign sign --yes <image>@<digest>` (keyless, with the workflow OIDC token).',
});
