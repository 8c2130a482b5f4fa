/*
 * Applies the README's adopter steps to a new app the way a person would:
 * runs the shell blocks, pastes code at the line the README names, adds
 * the YAML it shows to the config file (keeping the file's comments).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const YAML = require('yaml');

/**
 * @param {import('yaml').Document} doc
 * @param {unknown[]} at
 * @param {unknown} patch
 */
function mergeInto(doc, at, patch) {
  const current = at.length ? doc.getIn(at, true) : doc.contents;
  if (
    YAML.isMap(current) &&
    patch &&
    typeof patch === 'object' &&
    !Array.isArray(patch)
  ) {
    for (const [key, value] of Object.entries(patch)) {
      mergeInto(doc, [...at, key], value);
    }
  } else if (YAML.isSeq(current) && Array.isArray(patch)) {
    for (const item of patch) {
      doc.addIn(at, item);
    }
  } else {
    doc.setIn(at, patch);
  }
}

function mergeYaml(file, text) {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  mergeInto(doc, [], YAML.parse(text));
  fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

function insertText(file, step) {
  const source = fs.readFileSync(file, 'utf8');
  const lines = source.split('\n');
  const at = lines.findIndex(l => l.trim() === step.anchor.trim());
  if (at < 0) {
    throw new Error(
      `README.md:${step.line}: ${step.file} has no line "${step.anchor}"`,
    );
  }
  const indent = /^\s*/.exec(lines[at])[0];
  const block = step.text.split('\n').map(l => (l ? indent + l : l));
  lines.splice(step.position === 'before' ? at : at + 1, 0, ...block);
  fs.writeFileSync(file, lines.join('\n'));
}

/**
 * @param {import('./readmeSteps').AdopterStep} step
 * @param {{ appDir: string, repositoryDir: string, log: (line: string) => void }} where
 */
function applyStep(step, { appDir, repositoryDir, log }) {
  if (step.kind === 'run') {
    const cwd = step.where === 'app' ? appDir : repositoryDir;
    log(`README.md:${step.line}: run in ${step.where}:\n${step.script}`);
    const result = spawnSync('bash', ['-euo', 'pipefail', '-c', step.script], {
      cwd,
      stdio: 'inherit',
      env: process.env,
    });
    if (result.status !== 0) {
      throw new Error(
        `README.md:${step.line}: the step failed (exit ${result.status}) in ${cwd}`,
      );
    }
    return;
  }
  const file = path.join(appDir, step.file);
  if (!fs.existsSync(file)) {
    throw new Error(`README.md:${step.line}: the app has no ${step.file}`);
  }
  if (step.kind === 'insert') {
    log(
      `README.md:${step.line}: ${step.file}, ${step.position} "${step.anchor}"`,
    );
    insertText(file, step);
  } else {
    log(`README.md:${step.line}: merge into ${step.file}`);
    mergeYaml(file, step.text);
  }
}

module.exports = { applyStep };
