import { makeStyles } from '@material-ui/core/styles';

/** The layout of the entity card's sections. */
export const useCardStyles = makeStyles(theme => ({
  /** A line of text and chips that wraps. */
  line: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  section: {
    marginTop: theme.spacing(2),
  },
  item: {
    flexWrap: 'wrap',
  },
  snippet: {
    padding: theme.spacing(0, 0, 2),
  },
  links: {
    marginTop: theme.spacing(2),
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
}));
