/*
 * The script each measured page runs before the app: it marks when the app
 * shell, the first card and the full first page of cards enter the DOM.
 */
'use strict';

/**
 * Recorded in the page from its first script on: when cards and the list's
 * count appear, against the navigation's start (performance.now()).
 */
function observeCards() {
  /** @type {any} */
  const w = window;
  /** @type {{ shell?: number, firstCard?: number, listReady?: number, allCards?: number, cards: number, total?: number }} */
  const marks = (w.__goldenPathsMarks = {
    shell: undefined,
    firstCard: undefined,
    listReady: undefined,
    allCards: undefined,
    cards: 0,
    total: undefined,
  });
  const check = () => {
    if (marks.shell === undefined && document.querySelector('nav')) {
      marks.shell = performance.now();
    }
    const cards = document.querySelectorAll(
      '[data-testid="golden-path-card"]',
    ).length;
    marks.cards = cards;
    if (cards > 0 && marks.firstCard === undefined) {
      marks.firstCard = performance.now();
    }
    if (marks.total === undefined) {
      for (const el of document.querySelectorAll('[role="status"]')) {
        const m = /^(\d+) paths?$/.exec((el.textContent ?? '').trim());
        if (m) {
          marks.total = Number(m[1]);
        }
      }
    }
    if (
      marks.listReady === undefined &&
      marks.total !== undefined &&
      cards >= Math.min(marks.total, w.__goldenPathsFirstPage ?? 1)
    ) {
      marks.listReady = performance.now();
    }
    if (
      marks.allCards === undefined &&
      marks.total !== undefined &&
      cards >= marks.total
    ) {
      marks.allCards = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}

module.exports = { observeCards };
