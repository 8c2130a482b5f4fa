/*
 * The machine a measurement ran on, for RESULTS.md: its figures depend on it.
 */
'use strict';

const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { CHROMIUM } = require('../lib/browser');

/**
 * CPU, memory, OS, Node.js and Chromium versions.
 */
function machine() {
  const cpus = os.cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported as unknown
  }
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}`,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
  };
}

module.exports = { machine };
