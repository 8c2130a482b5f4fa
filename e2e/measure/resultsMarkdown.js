/*
 * e2e/measure/RESULTS.md: the method and the figures of a measurement, from
 * the report measure.js also writes as e2e-results/measure.json.
 */
'use strict';

const { BUNDLE_TARGET_KB, FIRST_PAGE, RENDER_TARGET_MS } = require('./options');
const { kb, ms } = require('./units');

/**
 * The repository's Prettier style, so `prettier --check .` stays clean.
 *
 * @param {string} text
 * @returns {string}
 */
function formatMarkdown(text) {
  try {
    // Untyped CommonJS modules, loaded by name.
    const prettier = require(/** @type {string} */ ('prettier'));
    const style = require(/** @type {string} */ (
      '@backstage/cli/config/prettier'
    ));
    return prettier.format(text, { ...style, parser: 'markdown' });
  } catch {
    return text;
  }
}

/**
 * One owner's sources in the initial scripts, as a sentence.
 *
 * @param {string} label
 * @param {string[]} sources
 */
function sourceList(label, sources) {
  return `${label} in the initial scripts (${sources.length}): ${
    sources.map(s => `\`${s}\``).join(', ') || 'none'
  }.`;
}

/**
 * @param {any} r the report
 * @param {number} pluginInitialGzip
 */
function markdown(r, pluginInitialGzip) {
  const { initial, baseline, render, machine: m } = r;
  const lines = [
    '# Frontend measurement: the Golden Paths plugin in the app',
    '',
    `Written by \`npm run measure:frontend\` (e2e/measure/measure.js) on ${r.date.slice(
      0,
      10,
    )}; run it again to update.`,
    '',
    '## Machine',
    '',
    `- ${m.cpu}, ${m.memory} memory, ${m.os}`,
    `- Node.js ${m.node}, ${m.chromium} (headless)`,
    r.buildSeconds !== undefined
      ? `- production build of packages/app: ${Math.round(r.buildSeconds)} s${
          r.baselineBuildSeconds !== undefined
            ? ` (without the plugin: ${Math.round(r.baselineBuildSeconds)} s)`
            : ''
        }`
      : '- production build: the existing packages/app/dist',
    '',
    `## 1. Initial bundle — target: the plugin adds < ${BUNDLE_TARGET_KB} KB gzipped — **${
      r.pass.bundle ? 'PASS' : 'FAIL'
    }**`,
    '',
    'Method: `backstage-cli package build` of packages/app (production, minified, with source maps).',
    'The initial scripts are the `<script src>` of `dist/index.html`; each is gzipped alone (level 6, as the',
    "backend's compression). The plugin's share is measured two ways:",
    '',
    "- **source maps**: each script's map says which source every minified character comes from; the",
    '  characters from `plugins/golden-paths/` (the plugin) and `plugins/golden-paths-common/` are summed,',
    '  and their text gzipped alone (an upper bound: alone it compresses worse than inside its chunk).',
    '  This counts only our own code, not libraries it imports.',
    '- **with and without**: the app is built a second time with',
    '  `app.packages: { exclude: ["@golden-paths/golden-paths"] }`, and the initial scripts compared.',
    '  This counts everything the plugin brings into the initial load, libraries included.',
    '',
    '| | raw | gzipped |',
    '|---|---:|---:|',
    `| all initial scripts (${initial.scripts.length} files) | ${kb(
      initial.total.bytes,
    )} | ${kb(initial.total.gzip)} |`,
    baseline
      ? `| all initial scripts, app built without the plugin | ${kb(
          baseline.total.bytes,
        )} | ${kb(baseline.total.gzip)} |`
      : '| all initial scripts, app built without the plugin | not measured | not measured |',
    ...(baseline
      ? [
          `| **difference: the plugin's initial cost** | ${kb(
            initial.total.bytes - baseline.total.bytes,
          )} | **${kb(initial.total.gzip - baseline.total.gzip)}** |`,
        ]
      : []),
    `| plugins/golden-paths code in them (source maps) | ${kb(
      initial.owners.plugin.bytes,
    )} | ≤ ${kb(initial.owners.plugin.gzip)} |`,
    `| plugins/golden-paths-common code in them (source maps) | ${kb(
      initial.owners.common.bytes,
    )} | ≤ ${kb(initial.owners.common.gzip)} |`,
    '',
    `Counted against the target: ${kb(pluginInitialGzip)} gzipped (${
      baseline
        ? 'the with/without difference'
        : 'the source-map bounds of both packages'
    }).`,
    '',
    sourceList('Plugin sources', initial.owners.plugin.sources),
    '',
    sourceList('Common library sources', initial.owners.common.sources),
    '',
    "The pages themselves load on demand; the lazy chunks with the plugin's code (largest first):",
    '',
    '| chunk | raw | gzipped | plugin share of its code |',
    '|---|---:|---:|---:|',
    ...r.lazy
      .slice(0, 12)
      .map(
        (/** @type {any} */ c) =>
          `| \`${c.file}\` | ${kb(c.bytes)} | ${kb(c.gzip)} | ${Math.round(
            c.pluginShare * 100,
          )} % |`,
      ),
    '',
    `## 2. First render of /golden-paths with ${
      render.expected
    } paths — target: < ${RENDER_TARGET_MS} ms — **${
      r.pass.render ? 'PASS' : 'FAIL'
    }**`,
    '',
    'Method: the production build served by the backend (packages/backend run as `backstage-cli package start`',
    'runs it, without the file watcher; SQLite in memory; the app backend serves packages/app/dist on the',
    'same origin). 500 synthetic',
    'GoldenPath entities (every category, several stacks, 3–9 guarantees, steps) are written to a temporary',
    'directory the local URL reader serves, registered with `POST /api/catalog/locations` (type `url`,',
    'a `file://` target) as the guest, and evaluated (`POST /api/golden-paths/refresh`) until',
    '`/api/golden-paths/paths` has them all. Then headless Chromium, signed in as the guest once, opens',
    '/golden-paths in a new tab with the HTTP cache disabled, one warm-up load and then the measured ones.',
    'Times are from the navigation start (`performance.now()`):',
    '',
    '- **FCP**: `first-contentful-paint` (the paint timing API).',
    '- **first card**: a MutationObserver installed before the app notes when the first',
    '  `[data-testid="golden-path-card"]` enters the DOM.',
    `- **list ready**: the count ("${render.expected} paths") is shown and the first ${FIRST_PAGE} cards are in the DOM.`,
    `  The page renders ${FIRST_PAGE} cards and a "Show more" button (GoldenPathGrid), so the`,
    `  ${render.expected}th card is never in the DOM at first render; instead:`,
    `- **all cards after "Show more"**: from the first click to the ${render.expected}th card in the DOM,`,
    '  pressing "Show more" as soon as it is there (informational: user interactions, not first render).',
    '',
    '| load | FCP | first card | list ready | "Show more" presses | all cards after "Show more" |',
    '|---|---:|---:|---:|---:|---:|',
    ...render.loads.map(
      (/** @type {any} */ l, /** @type {number} */ i) =>
        `| ${i + 1} | ${ms(l.fcp)} | ${ms(l.firstCard)} | ${ms(
          l.listReady,
        )} | ${l.showMoreClicks} | ${ms(l.allCardsAfterClicks)} |`,
    ),
    `| **median** | **${ms(render.median.fcp)}** | **${ms(
      render.median.firstCard,
    )}** | **${ms(render.median.listReady)}** | | ${ms(
      render.median.allCardsAfterClicks,
    )} |`,
    '',
    'Pass when the medians of FCP and "list ready" are both under the target.',
    '',
    'Where the time goes (medians, ms from the navigation start; resource timing API):',
    '',
    '| step | at |',
    '|---|---:|',
    `| initial scripts downloaded (${
      initial.scripts.length
    } files, cache off) | ${ms(render.median.scriptsLoaded)} |`,
    `| DOMContentLoaded (scripts parsed and run) | ${ms(
      render.median.domContentLoaded,
    )} |`,
    `| guest session restored (\`/api/auth/guest/refresh\` answered) | ${ms(
      render.median.signInEnd,
    )} |`,
    `| app shell (sidebar) in the DOM | ${ms(render.median.shell)} |`,
    `| FCP | ${ms(render.median.fcp)} |`,
    `| catalog request for the GoldenPaths: sent → answered (${kb(
      render.median.catalogBytes ?? 0,
    )} over the wire) | ${ms(render.median.catalogStart)} → ${ms(
      render.median.catalogEnd,
    )} |`,
    `| \`/api/golden-paths/paths\`: sent → answered (${kb(
      render.median.pathsBytes ?? 0,
    )}) | ${ms(render.median.pathsStart)} → ${ms(render.median.pathsEnd)} |`,
    `| first card in the DOM | ${ms(render.median.firstCard)} |`,
    `| list ready | ${ms(render.median.listReady)} |`,
    `| **from app shell to list ready: the Golden Paths page's own time** (lazy page chunks, the two requests, indexing ${
      render.expected
    } paths, rendering the first cards) | **${ms(
      render.median.listReady - render.median.shell,
    )}** |`,
    '',
    `Load average of the machine before the backend started (1, 5, 15 min): ${render.loadavg
      .map((/** @type {number} */ n) => n.toFixed(2))
      .join(
        ', ',
      )} (the 1-minute figure includes this script's own builds just before). On 2 cores, any other work on the machine shows directly in these times.`,
    '',
  ];
  return lines
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}

module.exports = { formatMarkdown, markdown };
