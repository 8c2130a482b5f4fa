import { InfoCard } from '@backstage/core-components';
import type { GoldenPathStack } from '@golden-paths/golden-paths-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';

/** The named keys first, in this order; the platform team's own keys after. */
const KNOWN_KEYS: Record<string, string> = {
  language: 'Language',
  runtime: 'Runtime',
  framework: 'Framework',
  ci: 'CI',
  deploy: 'Deployment',
  observability: 'Observability',
};

function label(key: string): string {
  return (
    KNOWN_KEYS[key] ?? key.charAt(0).toLocaleUpperCase('en-US') + key.slice(1)
  );
}

function rows(stack: GoldenPathStack): Array<[string, string]> {
  const entries = Object.entries(stack).filter(
    (entry): entry is [string, string] =>
      typeof entry[1] === 'string' && entry[1] !== '',
  );
  const known = Object.keys(KNOWN_KEYS);
  const rank = (key: string) =>
    known.includes(key) ? known.indexOf(key) : known.length;
  return entries.sort(([a], [b]) => rank(a) - rank(b));
}

/** The tooling a golden path decides, as a two-column table. */
export function GoldenPathStackCard(props: { stack?: GoldenPathStack }) {
  const entries = rows(props.stack ?? {});
  return (
    <InfoCard titleTypographyProps={{ component: 'h2' }} title="Stack">
      {entries.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          This path decides no tooling yet: its <code>spec.stack</code> is
          empty.
        </Typography>
      ) : (
        <Table size="small" aria-label="Stack">
          <TableBody>
            {entries.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell component="th" scope="row" role="rowheader">
                  {label(key)}
                </TableCell>
                <TableCell>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
