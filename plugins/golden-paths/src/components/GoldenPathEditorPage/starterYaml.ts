/**
 * The document the editor starts with: the example catalog's
 * node-http-service path, shortened. It must stay valid, so the page opens
 * with "No problems" and a preview (a test checks both).
 */
export const STARTER_YAML = `apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: node-http-service
  title: Node.js HTTP service on Kubernetes
  description: >-
    Fastify service in TypeScript on Node.js 22 with OpenTelemetry tracing,
    SBOM, keyless-signed images, Trivy scanning, HPA and Argo CD delivery.
  tags: [nodejs, typescript, fastify, http, kubernetes]
  links:
    - title: Fastify documentation
      url: https://fastify.dev/docs/latest/
spec:
  owner: group:default/platform-team
  lifecycle: supported
  category: service
  version: 2.1.0
  templates:
    - template:default/node-http-service
  stack:
    language: TypeScript
    runtime: Node.js 22
    framework: Fastify 5
    ci: GitHub Actions
    deploy: Argo CD
    observability: OpenTelemetry
  guarantees:
    - owner
    - ci
    - sbom
    - image-signing
    - vulnerability-scan
    - resource-requests
    - autoscaling
    - observability
    - cost-labels
  steps:
    - title: Scaffold the service
      description: |
        Open **Create** and choose **Node.js HTTP service**. The new
        repository contains the Fastify app, a multi-stage \`Dockerfile\`,
        \`.github/workflows/ci.yaml\`, Kustomize manifests under \`deploy/\`
        and a \`catalog-info.yaml\` that already follows this path.
    - title: SBOM, scanning and signing
      description: |
        CI generates an SPDX SBOM with Syft, fails on fixable high or
        critical CVEs found by Trivy and signs the image keyless with cosign.
    - title: Deploy with Argo CD
      description: |
        On merge to \`main\`, CI commits the new image digest to
        \`deploy/overlays/staging\` and Argo CD syncs it. Production is
        promoted by a pull request.
`;
