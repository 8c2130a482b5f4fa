import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { upgradeSummaryText } from '../shared/upgradeSummaryText';
import { UpgradeDelivery } from './UpgradeDelivery';
import { UpgradeFileTable } from './UpgradeFileTable';
import { SafeMarkdown } from '../shared/SafeMarkdown';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
}));

/** A dry upgrade: versions, how it merges, what it does to each file, where it goes. */
export function UpgradePlanView(props: { plan: UpgradePlan }) {
  const classes = useStyles();
  const { plan } = props;
  const pathName = plan.path.title ?? plan.path.entityRef;
  return (
    <>
      <Typography variant="body1" component="p">
        {pathName}: version <strong>{plan.fromVersion}</strong> →{' '}
        <strong>{plan.toVersion}</strong>
      </Typography>
      {plan.mode === 'recopy' ? (
        <Alert severity="warning" className={classes.section}>
          <AlertTitle>Recopy, not a merge</AlertTitle>
          {plan.recopyReason && <>{plan.recopyReason} </>}
          The new version's files are copied over the template's files, so your
          changes to them are not merged: review every file marked overwritten.
        </Alert>
      ) : (
        <Typography variant="body2" color="textSecondary" component="p">
          A three-way merge of version {plan.fromVersion} as it was rendered for
          this component, the repository as it is, and version {plan.toVersion}.
        </Typography>
      )}
      {plan.notes?.length ? (
        <Alert severity="info" className={classes.section}>
          <AlertTitle>The merge base may be inexact</AlertTitle>
          {plan.notes.map(note => (
            <Typography key={note} variant="body2" component="p">
              {note}
            </Typography>
          ))}
        </Alert>
      ) : null}
      <Typography
        variant="subtitle2"
        component="p"
        className={classes.section}
        aria-label="Summary"
      >
        {upgradeSummaryText(plan.summary)}
      </Typography>
      {plan.files.length === 0 ? (
        <Typography variant="body2" component="p">
          Nothing to change: version {plan.toVersion} only changes files you
          deleted or already match. The upgrade branch then only records the new
          version.
        </Typography>
      ) : (
        <UpgradeFileTable files={plan.files} />
      )}
      {plan.releaseNotes?.trim() && (
        <section className={classes.section} aria-label="Release notes">
          <Typography variant="h6" component="h3">
            Release notes of {plan.toVersion}
          </Typography>
          <SafeMarkdown content={plan.releaseNotes} />
        </section>
      )}
      <div className={classes.section}>
        <UpgradeDelivery delivery={plan.delivery} />
      </div>
    </>
  );
}
