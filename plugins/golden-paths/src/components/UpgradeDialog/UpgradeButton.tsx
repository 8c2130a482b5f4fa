import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { UpgradeDialog } from './UpgradeDialog';

/** An "Upgrade" button that opens the component's {@link UpgradeDialog}. */
export function UpgradeButton(props: {
  entityRef: string;
  /** The component's name, for the dialog's title and the button's label. */
  title?: string;
  /** Tells buttons apart where there are several, as in a table. */
  'aria-label'?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        aria-label={props['aria-label']}
        onClick={() => setOpen(true)}
      >
        Upgrade
      </Button>
      <UpgradeDialog
        entityRef={props.entityRef}
        title={props.title}
        open={open}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
