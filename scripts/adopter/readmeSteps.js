/*
 * The steps of the README's "For Backstage adopters" section, as the
 * adopter test follows them. Each step a person applies is a fenced block
 * preceded by a marker comment that GitHub does not render:
 *
 *   <!-- adopter: run in app -->                      a shell block, run in the app's root
 *   <!-- adopter: run in repository -->               a shell block, run in this repository's clone
 *   <!-- adopter: insert before "backend.start();" in packages/backend/src/index.ts -->
 *   <!-- adopter: insert after "<line>" in <file> -->
 *   <!-- adopter: merge into app-config.yaml -->      YAML: maps merged, list items appended
 *
 * The test applies exactly these, in order: a wrong or missing step is
 * fixed in the README, never in the test.
 */
const fs = require('node:fs');

const SECTION = '## For Backstage adopters';

/**
 * @typedef {{ kind: 'run', where: 'app' | 'repository', script: string, line: number }
 *   | { kind: 'insert', position: 'before' | 'after', anchor: string, file: string, text: string, line: number }
 *   | { kind: 'merge', file: string, text: string, line: number }} AdopterStep
 */

/** @returns {string} the section's text, with its first line number */
function adopterSection(readme) {
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) {
    throw new Error(`README.md has no "${SECTION}" section`);
  }
  const end = readme.indexOf('\n## ', start + SECTION.length + 2);
  return {
    text: readme.slice(start + 1, end < 0 ? undefined : end + 1),
    firstLine: readme.slice(0, start + 1).split('\n').length,
  };
}

/**
 * @param {string} directive what follows `adopter:` in the marker
 * @param {string} body the fenced block's content
 * @param {number} line the marker's line in README.md
 * @returns {AdopterStep}
 */
function parseStep(directive, body, line) {
  let m = /^run in (app|repository)$/.exec(directive);
  if (m) {
    return { kind: 'run', where: m[1], script: body, line };
  }
  m = /^insert (before|after) ("(?:[^"\\]|\\.)*") in (\S+)$/.exec(directive);
  if (m) {
    return {
      kind: 'insert',
      position: m[1],
      anchor: JSON.parse(m[2]),
      file: m[3],
      text: body,
      line,
    };
  }
  m = /^merge into (\S+\.ya?ml)$/.exec(directive);
  if (m) {
    return { kind: 'merge', file: m[1], text: body, line };
  }
  throw new Error(`README.md:${line}: unknown adopter step "${directive}"`);
}

/**
 * @param {string} readmeFile path of README.md
 * @returns {AdopterStep[]}
 */
function readAdopterSteps(readmeFile) {
  const { text, firstLine } = adopterSection(
    fs.readFileSync(readmeFile, 'utf8'),
  );
  const marker =
    /<!--\s*adopter:\s*(.+?)\s*-->\s*\n```[^\n]*\n([\s\S]*?)\n```/g;
  const steps = [];
  for (const match of text.matchAll(marker)) {
    const line = firstLine + text.slice(0, match.index).split('\n').length - 1;
    steps.push(parseStep(match[1], match[2], line));
  }
  const markers = text.match(/<!--\s*adopter:/g)?.length ?? 0;
  if (markers !== steps.length) {
    throw new Error(
      `README.md: ${markers} adopter markers but ${steps.length} are followed by a fenced block`,
    );
  }
  if (!steps.length) {
    throw new Error('README.md: the adopter section has no steps');
  }
  return steps;
}

module.exports = { readAdopterSteps };
