import { makeStyles } from '@material-ui/core/styles';

/**
 * A class for what only screen readers read (a column's name over icons,
 * the data table behind a chart): out of sight, still in the page.
 */
export const useVisuallyHiddenStyles = makeStyles({
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: -1,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
