import TimelineIcon from '@material-ui/icons/Timeline';

/** The Golden Paths icon in the sidebar and page headers. */
export function GoldenPathsIcon() {
  return <TimelineIcon fontSize="inherit" />;
}
