import type { Language, SbomFormat } from './schema';

/**
 * Third-party actions and tool images in one place, so that a platform team
 * can move them to newer versions (or to commit SHAs) in a single edit.
 * trivy-action has no major tag; its tags were force-pushed in a 2026
 * supply-chain incident and v0.36.0 is the first clean release after it.
 */
export const GITHUB_ACTIONS = {
  checkout: 'actions/checkout@v4',
  setupNode: 'actions/setup-node@v4',
  setupPython: 'actions/setup-python@v5',
  setupGo: 'actions/setup-go@v5',
  setupJava: 'actions/setup-java@v4',
  setupBuildx: 'docker/setup-buildx-action@v3',
  login: 'docker/login-action@v3',
  buildPush: 'docker/build-push-action@v6',
  trivy: 'aquasecurity/trivy-action@v0.36.0',
  grype: 'anchore/scan-action@v6',
  sbom: 'anchore/sbom-action@v0',
  cosignInstaller: 'sigstore/cosign-installer@v3',
} as const;

export const GITLAB_IMAGES = {
  docker: 'docker:27',
  dockerDind: 'docker:27-dind',
  trivy: 'aquasec/trivy:0.58.2',
  // The :debug variants are the only Anchore images with a shell, which a
  // GitLab job needs; their binaries live at /grype and /syft.
  grype: 'anchore/grype:debug',
  syft: 'anchore/syft:debug',
  // cosign from Alpine's community repository, as GitLab's keyless signing
  // guide does.
  cosign: 'alpine:3.21',
} as const;

/** How each language is tested, linted and set up on either CI system. */
export type Toolchain = {
  testCommand?: string;
  /** What `lint: true` runs; installs what it needs, as its job is separate. */
  lintCommand?: string;
  githubSetup?: { name: string; uses: string; with: Record<string, string> };
  gitlabImage?: string;
};

export const LANGUAGE_TOOLCHAINS: Record<Language, Toolchain> = {
  node: {
    testCommand: 'npm ci && npm test',
    lintCommand: 'npm ci && npm run lint',
    githubSetup: {
      name: 'Set up Node.js',
      uses: GITHUB_ACTIONS.setupNode,
      with: { 'node-version': '22', cache: 'npm' },
    },
    gitlabImage: 'node:22',
  },
  python: {
    testCommand: 'pip install -r requirements.txt && pytest',
    lintCommand: 'pip install ruff && ruff check .',
    githubSetup: {
      name: 'Set up Python',
      uses: GITHUB_ACTIONS.setupPython,
      with: { 'python-version': '3.12', cache: 'pip' },
    },
    gitlabImage: 'python:3.12',
  },
  go: {
    testCommand: 'go test ./...',
    lintCommand: 'go vet ./...',
    githubSetup: {
      name: 'Set up Go',
      uses: GITHUB_ACTIONS.setupGo,
      with: { 'go-version-file': 'go.mod' },
    },
    gitlabImage: 'golang:1.23',
  },
  java: {
    testCommand: './mvnw -B verify',
    githubSetup: {
      name: 'Set up Java',
      uses: GITHUB_ACTIONS.setupJava,
      with: { distribution: 'temurin', 'java-version': '21', cache: 'maven' },
    },
    gitlabImage: 'eclipse-temurin:21',
  },
  none: {},
};

/** The SBOM file each format is written to, and cosign's name for it. */
export const SBOM: Record<
  SbomFormat,
  { file: string; cosignType: 'spdxjson' | 'cyclonedx' }
> = {
  'spdx-json': { file: 'sbom.spdx.json', cosignType: 'spdxjson' },
  'cyclonedx-json': { file: 'sbom.cdx.json', cosignType: 'cyclonedx' },
};
