import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import { memo, useState } from 'react';
import {
  GOLDEN_PATH_KIND,
  normalizeEntityRef,
} from '@golden-paths/golden-paths-common';
import { GoldenPathCard } from '../GoldenPathCard';
import type { IndexedPath } from './pathsQuery';

/**
 * Cards rendered at first; more on request. A card costs a few dozen
 * elements and tooltips, and every change of the view re-renders the cards
 * shown, so hundreds at once would make filtering sluggish.
 */
export const CARDS_PER_PAGE = 48;

const useStyles = makeStyles(theme => ({
  more: {
    display: 'flex',
    justifyContent: 'center',
    marginTop: theme.spacing(2),
  },
}));

// Cards already shown need not render again when more are added.
// (A URL change still re-renders them: their route refs read the location.)
const MemoCard = memo(GoldenPathCard);

/** The paths as cards in a responsive grid. */
export function GoldenPathGrid(props: {
  paths: IndexedPath[];
  /** Title of each path by lower-case ref, for deprecation notes. */
  titles: Map<string, string>;
  showFigures: boolean;
  /** Changes with the search, filters or order: start again from one page. */
  viewKey: string;
}) {
  const { paths, titles, showFigures, viewKey } = props;
  const classes = useStyles();
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  const [shownFor, setShownFor] = useState(viewKey);
  if (shownFor !== viewKey) {
    setShownFor(viewKey);
    setShown(CARDS_PER_PAGE);
  }
  const rest = paths.length - shown;
  return (
    <>
      <Grid container spacing={2} alignItems="stretch">
        {paths.slice(0, shown).map(({ item, view }) => (
          <Grid item xs={12} sm={6} xl={4} key={item.ref}>
            <MemoCard
              entity={item.entity}
              summary={showFigures ? item.summary : undefined}
              insightsNote={
                showFigures && !item.summary
                  ? 'Not evaluated yet: figures appear after the next evaluation.'
                  : undefined
              }
              replacementTitle={
                view.replacedBy
                  ? titles.get(replacementKey(view.replacedBy, view.namespace))
                  : undefined
              }
            />
          </Grid>
        ))}
      </Grid>
      {rest > 0 && (
        <div className={classes.more}>
          <Button
            variant="outlined"
            onClick={() => setShown(n => n + CARDS_PER_PAGE)}
          >
            Show {Math.min(rest, CARDS_PER_PAGE)} more of {rest}
          </Button>
        </div>
      )}
    </>
  );
}

/** `spec.replacedBy` as the lower-case full ref the titles map is keyed by. */
function replacementKey(ref: string, namespace: string): string {
  return (
    normalizeEntityRef(ref, {
      defaultKind: GOLDEN_PATH_KIND,
      defaultNamespace: namespace,
    }) ?? ref
  );
}
