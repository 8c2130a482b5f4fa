import { ErrorBoundary } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { GoldenPathCard } from '../GoldenPathCard';
import { previewEntity } from './previewEntity';

/** The card the path will have on the Golden Paths page, as typed. */
export function PathPreview(props: { text: string }) {
  const preview = previewEntity(props.text);
  if ('reason' in preview) {
    return (
      <Typography variant="body2" color="textSecondary" role="note">
        No preview: {preview.reason}
      </Typography>
    );
  }
  return (
    // Keyed by the text, so a document that broke the card gets a new chance
    // once it changes.
    <ErrorBoundary key={props.text}>
      <GoldenPathCard
        entity={preview.entity}
        insightsNote="Adoption and compliance show here once the path is in the catalog and components follow it."
      />
    </ErrorBoundary>
  );
}
