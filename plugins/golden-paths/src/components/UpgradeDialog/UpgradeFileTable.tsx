import type { UpgradeFileChange } from '@golden-paths/golden-paths-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import FlagIcon from '@material-ui/icons/Flag';
import { upgradeOutcomeLabel } from '@golden-paths/golden-paths-common';
import { useVisuallyHiddenStyles } from '../shared/visuallyHidden';

const useStyles = makeStyles(theme => ({
  path: {
    fontFamily: 'monospace',
    wordBreak: 'break-all',
  },
  outcome: { whiteSpace: 'nowrap' },
  flag: { color: theme.palette.warning.main },
  flagCell: { width: theme.spacing(4) },
}));

/**
 * The files an upgrade touches or flags, each with what happens to it. Files
 * that need a person come first, as they are what the reader must act on.
 */
export function UpgradeFileTable(props: { files: UpgradeFileChange[] }) {
  const classes = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const files = [...props.files].sort(
    (a, b) => Number(b.flagged) - Number(a.flagged),
  );
  return (
    <Table size="small" aria-label="Files">
      <TableHead>
        <TableRow>
          <TableCell className={classes.flagCell} padding="checkbox">
            <span className={hidden.visuallyHidden}>Needs a look</span>
          </TableCell>
          <TableCell>File</TableCell>
          <TableCell>What happens</TableCell>
          <TableCell>Details</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {files.map(file => (
          <TableRow key={`${file.previousPath ?? ''}→${file.path}`}>
            <TableCell padding="checkbox">
              {file.flagged && (
                <FlagIcon
                  fontSize="small"
                  className={classes.flag}
                  titleAccess="Needs a look"
                />
              )}
            </TableCell>
            <TableCell
              component="th"
              scope="row"
              role="rowheader"
              className={classes.path}
            >
              {file.previousPath
                ? `${file.previousPath} → ${file.path}`
                : file.path}
            </TableCell>
            <TableCell className={classes.outcome}>
              {upgradeOutcomeLabel(file.outcome)}
            </TableCell>
            <TableCell>{file.detail}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
