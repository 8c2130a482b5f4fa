import { ciCode } from './ciCode';

describe('ciCode', () => {
  it('drops YAML comments and shell comment lines inside scripts', () => {
    const code = ciCode({
      path: '.github/workflows/ci.yaml',
      content: [
        '# cosign sign in the header',
        'jobs:',
        '  build:',
        '    steps:',
        '      # - run: cosign sign old',
        '      - run: |',
        '          # cosign sign --yes "$IMAGE"',
        '          echo "# not a comment" # cosign sign trailing',
        '          curl https://example.com/#anchor',
      ].join('\n'),
    });
    expect(code).not.toContain('cosign');
    expect(code).toContain('echo "# not a comment"');
    expect(code).toContain('https://example.com/#anchor');
  });

  it('joins folded scalars and shell line continuations', () => {
    const code = ciCode({
      path: '.gitlab-ci.yml',
      content: [
        'scan:',
        '  script:',
        '    - >',
        '      trivy image',
        '      --format cyclonedx',
        '    - |',
        '      docker buildx build \\',
        '        --sbom=true .',
      ].join('\n'),
    });
    expect(code).toContain('trivy image --format cyclonedx');
    expect(code).toContain('docker buildx build --sbom=true .');
  });

  it('starts every list item on a line of its own', () => {
    const code = ciCode({
      path: '.github/workflows/ci.yaml',
      content:
        'steps:\n  - uses: a/b@v1\n    with: { sbom: true }\n  - uses: c/d@v2\n',
    });
    expect(code.split(/^-:$/m).map(step => step.trim())).toEqual([
      '---:\nsteps:',
      'uses: a/b@v1\nwith:\nsbom: true',
      'uses: c/d@v2',
    ]);
  });

  it('still drops comments from YAML that does not parse', () => {
    const code = ciCode({
      path: '.gitlab-ci.yml',
      content:
        'build:\n  script: [unclosed\n# cosign sign\n  - echo ok # cosign sign\n',
    });
    expect(code).not.toContain('cosign');
    expect(code).toContain('echo ok');
  });

  it('drops Groovy comments from a Jenkinsfile', () => {
    const code = ciCode({
      path: 'Jenkinsfile',
      content:
        "// cosign sign\n/* cosign sign\n   more */\nsh 'syft . -o spdx-json' // cosign sign\nsh 'curl https://x.example.com'\n",
    });
    expect(code).not.toContain('cosign');
    expect(code).toContain("sh 'syft . -o spdx-json'");
    expect(code).toContain('https://x.example.com');
  });
});
