import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { createCiToolCheck } from './ci/createCiToolCheck';
import { action, actionWith, command, matching } from './ci/ciTools';

/**
 * The `sbom` guarantee: a CI step generates a software bill of materials
 * (Syft, CycloneDX tools, Trivy in an SBOM format, BuildKit's SBOM
 * attestation).
 *
 * @public
 */
export const sbomCheck: GoldenPathCheck = createCiToolCheck({
  id: 'sbom',
  does: 'generates an SBOM',
  tools: [
    action('anchore/sbom-action'),
    command('syft'),
    matching(
      'CycloneDX generators (cyclonedx-npm, cyclonedx-py, cdxgen, …)',
      /\bcdxgen\b|\bcyclonedx-(?:npm|py|bom|gomod|node-npm|maven|cli|dotnet|php|go)\b|@cyclonedx\/|CycloneDX\/gh-|\bcyclonedx(?:Bom|:make\w*Bom)\b/i,
    ),
    matching(
      'trivy --format cyclonedx|spdx',
      /\btrivy\b[^\n]*--format[=\s]+['"]?(?:cyclonedx|spdx)/,
    ),
    actionWith('aquasecurity/trivy-action', 'format', /cyclonedx|spdx/),
    matching(
      'docker buildx build --sbom',
      /\bdocker\s+(?:buildx\s+)?(?:build|bake)\b[^\n]*(?:--sbom(?:=true)?(?=\s|$)|--attest[=\s]+type=sbom)/,
    ),
    actionWith('docker/build-push-action', 'sbom', /true/),
    command('docker', 'sbom'),
    command('sbom-tool'),
  ],
  fix: 'Add a CI step after the image build that generates an SBOM of the pushed image, e.g. anchore/sbom-action or `syft <image>@<digest> -o spdx-json=sbom.spdx.json`, and attest it with `cosign attest --type spdxjson`.',
});
