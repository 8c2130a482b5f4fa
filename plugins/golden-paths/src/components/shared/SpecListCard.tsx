import type { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';

/**
 * A card of the path page listing one of the path's spec lists, or saying
 * that the list is empty and which field would fill it.
 */
export function SpecListCard(props: {
  /** The card's title, also the list's accessible name. */
  title: string;
  /** How many items the list has. */
  count: number;
  /** What the card says for an empty list, before the field. */
  emptyText: string;
  /** The spec field that fills the list, e.g. `spec.templates`. */
  field: string;
  /** The list items. */
  children?: ReactNode;
}) {
  return (
    <InfoCard titleTypographyProps={{ component: 'h2' }} title={props.title}>
      {props.count === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.emptyText}: its <code>{props.field}</code> is empty.
        </Typography>
      ) : (
        <List dense disablePadding aria-label={props.title}>
          {props.children}
        </List>
      )}
    </InfoCard>
  );
}
