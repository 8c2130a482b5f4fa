import { supplyChainCiTestbed } from '../__testUtils__/supplyChainCi';

describe('golden-paths:supply-chain:ci', () => {
  const { run } = supplyChainCiTestbed();

  describe('GitLab CI', () => {
    it('writes the pipeline: test, build and push by digest, trivy gate, SBOM, keyless signing after the gate', async () => {
      const { outputs, text, pipeline } = await run({
        format: 'gitlab-ci',
        image: 'registry.gitlab.com/example-org/ledger-service',
        language: 'go',
      });
      expect(outputs.filePath).toBe('.gitlab-ci.yml');
      expect(outputs.requiredSecrets).toEqual([]);
      expect(text).not.toMatch(/[&*]a\d/);

      expect(pipeline.stages).toEqual(['test', 'build', 'scan', 'sign']);
      expect(pipeline.variables).toEqual({
        IMAGE: 'registry.gitlab.com/example-org/ledger-service',
        REGISTRY: 'registry.gitlab.com',
      });
      expect(pipeline.test).toEqual({
        stage: 'test',
        image: 'golang:1.23',
        script: ['go test ./...'],
      });

      const build = pipeline['build-and-push'];
      expect(build.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "main"' }]);
      expect(build.services).toEqual(['docker:27-dind']);
      expect(build.script).toContain(
        'docker buildx create --use --driver docker-container',
      );
      expect(build.script.join('\n')).toContain(
        'docker buildx build --file "$DOCKERFILE" --tag "$IMAGE:$CI_COMMIT_SHA" --metadata-file metadata.json --push "$BUILD_CONTEXT"',
      );
      expect(build.script[0]).toBe(
        'echo "$CI_REGISTRY_PASSWORD" | docker login "$REGISTRY" --username "$CI_REGISTRY_USER" --password-stdin',
      );
      expect(build.artifacts).toEqual({ reports: { dotenv: 'build.env' } });

      expect(pipeline.scan.needs).toEqual(['build-and-push']);
      expect(pipeline.scan.script).toEqual([
        'trivy image --exit-code 1 --severity CRITICAL,HIGH --no-progress "$IMAGE@$IMAGE_DIGEST"',
      ]);
      expect(pipeline.sbom.script).toEqual([
        '/syft "registry:$IMAGE@$IMAGE_DIGEST" --output spdx-json=sbom.spdx.json',
      ]);
      expect(pipeline.sbom.artifacts).toEqual({ paths: ['sbom.spdx.json'] });

      expect(pipeline.sign.needs).toEqual(['build-and-push', 'scan', 'sbom']);
      expect(pipeline.sign.id_tokens).toEqual({
        SIGSTORE_ID_TOKEN: { aud: 'sigstore' },
      });
      expect(pipeline.sign.script).toEqual([
        'apk add --no-cache cosign',
        'echo "$CI_REGISTRY_PASSWORD" | cosign login "$REGISTRY" --username "$CI_REGISTRY_USER" --password-stdin',
        'cosign sign --yes "$IMAGE@$IMAGE_DIGEST"',
        'cosign attest --yes --type spdxjson --predicate sbom.spdx.json "$IMAGE@$IMAGE_DIGEST"',
      ]);
    });

    it('extracts the digest the way buildx writes its metadata file', async () => {
      const { pipeline } = await run({
        format: 'gitlab-ci',
        image: 'registry.gitlab.com/example-org/ledger-service',
      });
      const extract = (pipeline['build-and-push'].script as string[]).find(
        line => line.includes('metadata.json)'),
      )!;
      const sed = /sed -n '(.*)' metadata\.json/.exec(extract)![1];
      const [, pattern, replacement] = /^s\/(.*)\/(.*)\/p$/.exec(sed)!;
      const digest = `sha256:${'ab12'.repeat(16)}`;
      const metadata = JSON.stringify(
        {
          'buildx.build.ref': 'builder/builder0/xyz',
          'containerimage.digest': digest,
          'image.name': 'registry.gitlab.com/example-org/ledger-service:abc',
        },
        null,
        2,
      );
      // The same BRE, in JavaScript syntax.
      const regex = new RegExp(
        pattern.replace(/\\\(/g, '(').replace(/\\\)/g, ')'),
      );
      const line = metadata.split('\n').find(l => regex.test(l))!;
      expect(replacement).toBe('\\1');
      expect(regex.exec(line)![1]).toBe(digest);
    });

    it('gates with grype on critical, in a CycloneDX world, with registry credentials from CI/CD variables', async () => {
      const { outputs, pipeline } = await run({
        format: 'gitlab-ci',
        image: 'harbor.example.com/ledger/ledger-service',
        language: 'python',
        scanner: 'grype',
        severityThreshold: 'critical',
        sbomFormat: 'cyclonedx-json',
      });
      expect(outputs.requiredSecrets).toEqual([
        'REGISTRY_USER',
        'REGISTRY_PASSWORD',
      ]);
      expect(pipeline.scan.image).toEqual({
        name: 'anchore/grype:debug',
        entrypoint: [''],
      });
      expect(pipeline.scan.variables).toEqual({
        GRYPE_REGISTRY_AUTH_AUTHORITY: 'harbor.example.com',
        GRYPE_REGISTRY_AUTH_USERNAME: '$REGISTRY_USER',
        GRYPE_REGISTRY_AUTH_PASSWORD: '$REGISTRY_PASSWORD',
      });
      expect(pipeline.scan.script).toEqual([
        '/grype "registry:$IMAGE@$IMAGE_DIGEST" --fail-on critical',
      ]);
      expect(pipeline.sbom.script).toEqual([
        '/syft "registry:$IMAGE@$IMAGE_DIGEST" --output cyclonedx-json=sbom.cdx.json',
      ]);
      expect(pipeline.sign.script[3]).toBe(
        'cosign attest --yes --type cyclonedx --predicate sbom.cdx.json "$IMAGE@$IMAGE_DIGEST"',
      );
    });

    it('lints in the test stage, and builds only after the lint job passed', async () => {
      const { pipeline } = await run({
        format: 'gitlab-ci',
        image: 'registry.gitlab.com/example-org/ledger-service',
        language: 'go',
        lint: true,
      });
      expect(pipeline.stages).toEqual(['test', 'build', 'scan', 'sign']);
      expect(pipeline.lint).toEqual({
        stage: 'test',
        image: 'golang:1.23',
        script: ['go vet ./...'],
      });
      expect(pipeline['build-and-push'].needs).toEqual(['test', 'lint']);
    });

    it('without signing has no sign stage', async () => {
      const { pipeline, text } = await run({
        format: 'gitlab-ci',
        image: 'registry.gitlab.com/example-org/ledger-service',
        language: 'none',
        sign: false,
      });
      expect(pipeline.stages).toEqual(['build', 'scan']);
      expect(pipeline.sign).toBeUndefined();
      expect(pipeline.test).toBeUndefined();
      expect(pipeline['build-and-push'].needs).toBeUndefined();
      expect(text).not.toContain('cosign');
    });
  });
});
