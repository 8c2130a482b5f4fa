/*
 * The production build of packages/app and what its initial JavaScript
 * costs: the scripts index.html loads before anything else, gzipped, and
 * how much of them comes from the Golden Paths plugin.
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..', '..');
const APP = path.join(ROOT, 'packages', 'app');
const DIST = path.join(APP, 'dist');

/**
 * Source path fragments the report attributes bytes to: the workspace
 * folder, or the package's link in node_modules should the bundler keep it.
 */
const OWNERS = {
  plugin: [
    '/plugins/golden-paths/',
    '/node_modules/@golden-paths/golden-paths/',
  ],
  common: [
    '/plugins/golden-paths-common/',
    '/node_modules/@golden-paths/golden-paths-common/',
  ],
};

/**
 * The owner a source belongs to, and its path from the owner's folder on.
 *
 * @param {string} source a source map's `sources` entry
 * @returns {[string, string] | undefined}
 */
function ownerOf(source) {
  const name = `/${String(source).replace(/\\/g, '/')}`;
  for (const [key, fragments] of Object.entries(OWNERS)) {
    for (const fragment of fragments) {
      const at = name.indexOf(fragment);
      if (at !== -1) {
        return [key, name.slice(at + fragment.length)];
      }
    }
  }
  return undefined;
}

/**
 * Runs `backstage-cli package build` in packages/app.
 *
 * @param {{ extraConfig?: string, log: (line: string) => void, logFile: string }} options
 * @returns {Promise<number>} seconds it took
 */
async function buildApp({ extraConfig, log, logFile }) {
  const args = [
    'backstage-cli',
    'package',
    'build',
    '--config',
    path.join(ROOT, 'app-config.yaml'),
  ];
  if (extraConfig) {
    args.push('--config', extraConfig);
  }
  log(
    `building: npx ${args.join(' ')} (output in ${path.relative(
      ROOT,
      logFile,
    )})`,
  );
  const started = Date.now();
  const out = fs.openSync(logFile, 'w');
  const code = await new Promise(resolve => {
    const child = spawn('npx', args, {
      cwd: APP,
      stdio: ['ignore', out, out],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    child.once('exit', resolve);
  });
  fs.closeSync(out);
  const seconds = (Date.now() - started) / 1000;
  if (code !== 0) {
    const tail = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .slice(-30)
      .join('\n');
    throw new Error(
      `the app build failed (exit ${code}) after ${seconds.toFixed(
        0,
      )}s:\n${tail}`,
    );
  }
  log(`built in ${seconds.toFixed(0)}s`);
  return seconds;
}

const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map([...BASE64].map((c, i) => [c, i]));

/**
 * Decodes one source-map segment (base64 VLQ) into its numbers.
 *
 * @param {string} segment
 * @returns {number[]}
 */
function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUES.get(char);
    if (digit === undefined) {
      throw new Error(`invalid VLQ character ${char}`);
    }
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      const negative = value & 1;
      value >>>= 1;
      values.push(negative ? -value : value);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Which source each character of the generated file comes from, summed per
 * source: the exact share of the minified output, from the build's own
 * source map (no estimate from pre-minification sizes).
 *
 * @param {string} code the generated (minified) file
 * @param {{ sources: string[], mappings: string }} map its source map
 * @returns {{ perSource: Map<string, number>, unmapped: number, segments: Array<[number, number, number]> }}
 *   characters per source; characters mapped to none; and the generated
 *   ranges as [start offset, end offset, source index]
 */
function attribute(code, map) {
  const lines = code.split('\n');
  const perSource = new Map();
  /** @type {Array<[number, number, number]>} */
  const segments = [];
  let unmapped = 0;
  let sourceIndex = 0;
  let offset = 0;
  const mappingLines = map.mappings.split(';');
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    const fields = (mappingLines[line] ?? '')
      .split(',')
      .filter(Boolean)
      .map(decodeVlq);
    let column = 0;
    /** @type {Array<[number, number | undefined]>} */
    const starts = [];
    for (const f of fields) {
      column += f[0];
      if (f.length >= 4) {
        sourceIndex += f[1];
        starts.push([column, sourceIndex]);
      } else {
        starts.push([column, undefined]);
      }
    }
    if (starts.length === 0 || starts[0][0] > 0) {
      unmapped += starts.length ? starts[0][0] : text.length;
    }
    for (let i = 0; i < starts.length; i++) {
      const [from, source] = starts[i];
      const to = i + 1 < starts.length ? starts[i + 1][0] : text.length;
      const length = Math.max(0, to - from);
      if (source === undefined) {
        unmapped += length;
        continue;
      }
      const name = map.sources[source];
      perSource.set(name, (perSource.get(name) ?? 0) + length);
      segments.push([offset + from, offset + to, source]);
    }
    offset += text.length + 1;
  }
  return { perSource, unmapped, segments };
}

/** @param {string | Buffer} data */
function gzipSize(data) {
  // The level compression middleware uses by default (the app backend's).
  return zlib.gzipSync(data, { level: 6 }).length;
}

/**
 * The scripts index.html loads at start, in order.
 *
 * @param {string} distDir
 * @returns {string[]} paths relative to distDir
 */
function initialScripts(distDir) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const scripts = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const src = match[1].replace(/^(<%=\s*publicPath\s*%>)?\/?/, '');
    if (/^https?:/.test(src)) {
      continue;
    }
    scripts.push(src.split('?')[0]);
  }
  if (scripts.length === 0) {
    throw new Error(
      `found no <script src> in ${path.join(distDir, 'index.html')}`,
    );
  }
  return scripts;
}

/**
 * Sizes of the initial scripts and the share of each owner (the plugin, its
 * common library) in them.
 *
 * @param {string} [distDir]
 */
function analyzeInitial(distDir = DIST) {
  const files = initialScripts(distDir);
  const scripts = [];
  /** @type {Record<string, { chars: number, bytes: number, gzip: number, sources: Set<string> }>} */
  const owners = {};
  for (const key of Object.keys(OWNERS)) {
    owners[key] = { chars: 0, bytes: 0, gzip: 0, sources: new Set() };
  }
  /** @type {Record<string, string[]>} text of each owner's generated ranges */
  const ownerText = Object.fromEntries(Object.keys(OWNERS).map(k => [k, []]));
  let sourceMaps = 0;
  for (const file of files) {
    const full = path.join(distDir, file);
    const buffer = fs.readFileSync(full);
    const code = buffer.toString('utf8');
    const entry = {
      file,
      bytes: buffer.length,
      gzip: gzipSize(buffer),
      mapped: false,
    };
    scripts.push(entry);
    const mapFile = `${full}.map`;
    if (!fs.existsSync(mapFile)) {
      continue;
    }
    sourceMaps++;
    entry.mapped = true;
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
    const { segments } = attribute(code, map);
    // Characters to bytes: minified output is nearly all ASCII, but scale
    // by this file's ratio to stay exact in total.
    const bytesPerChar = buffer.length / code.length;
    for (const [from, to, source] of segments) {
      const owner = ownerOf(map.sources[source]);
      if (owner) {
        const [key, file] = owner;
        owners[key].chars += to - from;
        owners[key].bytes += (to - from) * bytesPerChar;
        owners[key].sources.add(file);
        ownerText[key].push(code.slice(from, to));
      }
    }
  }
  for (const key of Object.keys(OWNERS)) {
    owners[key].bytes = Math.round(owners[key].bytes);
    // Gzipped alone, the owner's code compresses a little worse than inside
    // its chunk: this is an upper bound of what it adds to the transfer.
    owners[key].gzip = ownerText[key].length
      ? gzipSize(ownerText[key].join(''))
      : 0;
  }
  const total = {
    bytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
    gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
  };
  return {
    scripts,
    total,
    sourceMaps,
    owners: Object.fromEntries(
      Object.entries(owners).map(([k, v]) => [
        k,
        { bytes: v.bytes, gzip: v.gzip, sources: [...v.sources].sort() },
      ]),
    ),
  };
}

/**
 * The lazy chunks the plugin's pages load (most of their mapped code is the
 * plugin's), for the report: what opening a Golden Paths page costs later.
 *
 * @param {string} [distDir]
 */
function pluginLazyChunks(distDir = DIST) {
  const initial = new Set(initialScripts(distDir));
  const staticDir = path.join(distDir, 'static');
  const chunks = [];
  for (const file of fs.readdirSync(staticDir)) {
    if (!file.endsWith('.js') || initial.has(`static/${file}`)) {
      continue;
    }
    const mapFile = path.join(staticDir, `${file}.map`);
    if (!fs.existsSync(mapFile)) {
      continue;
    }
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
    if (
      !map.sources.some(
        (/** @type {string} */ s) => ownerOf(s)?.[0] === 'plugin',
      )
    ) {
      continue;
    }
    const buffer = fs.readFileSync(path.join(staticDir, file));
    const { perSource } = attribute(buffer.toString('utf8'), map);
    let plugin = 0;
    let all = 0;
    for (const [name, chars] of perSource) {
      all += chars;
      if (ownerOf(name)?.[0] === 'plugin') {
        plugin += chars;
      }
    }
    chunks.push({
      file: `static/${file}`,
      bytes: buffer.length,
      gzip: gzipSize(buffer),
      pluginShare: all ? plugin / all : 0,
    });
  }
  return chunks.sort((a, b) => b.gzip - a.gzip);
}

module.exports = {
  analyzeInitial,
  attribute,
  buildApp,
  decodeVlq,
  initialScripts,
  pluginLazyChunks,
  APP,
  DIST,
  ROOT,
};
