import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';

const RUNBOOK = /runbook/i;

/**
 * An example of a check added through the Golden Paths backend's extension
 * point: every service that follows a golden path links its runbook, so the
 * on-call engineer finds it from the catalog.
 */
export const runbookCheck: GoldenPathCheck = {
  id: 'example.com/runbook',
  title: 'Runbook linked',
  description:
    'Services link their runbook in metadata.links (type or title "runbook").',
  appliesTo: path => path.spec.category === 'service',
  evaluate({ entity }) {
    const link = (entity.metadata.links ?? []).find(
      l => RUNBOOK.test(l.type ?? '') || RUNBOOK.test(l.title ?? ''),
    );
    return link
      ? { status: 'pass', reason: `runbook linked: ${link.url}` }
      : {
          status: 'fail',
          reason: 'no link of type or title "runbook" in metadata.links',
          fix: 'Add `- { url: <runbook URL>, title: Runbook, type: runbook }` to metadata.links in catalog-info.yaml.',
        };
  },
};
