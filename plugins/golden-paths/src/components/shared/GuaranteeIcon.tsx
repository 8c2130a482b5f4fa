import Tooltip from '@material-ui/core/Tooltip';
import BuildIcon from '@material-ui/icons/Build';
import CallSplitIcon from '@material-ui/icons/CallSplit';
import DescriptionIcon from '@material-ui/icons/Description';
import GroupIcon from '@material-ui/icons/Group';
import LabelIcon from '@material-ui/icons/Label';
import MemoryIcon from '@material-ui/icons/Memory';
import SecurityIcon from '@material-ui/icons/Security';
import TimelineIcon from '@material-ui/icons/Timeline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import { GOLDEN_PATH_GUARANTEES } from '@golden-paths/golden-paths-common';
import type { ComponentType } from 'react';

const ICONS: Record<string, ComponentType<{ fontSize?: 'small' }>> = {
  owner: GroupIcon,
  ci: BuildIcon,
  sbom: DescriptionIcon,
  'image-signing': VerifiedUserIcon,
  'vulnerability-scan': SecurityIcon,
  'resource-requests': MemoryIcon,
  autoscaling: CallSplitIcon,
  observability: TimelineIcon,
  'cost-labels': LabelIcon,
};

/** The words of a guarantee id; unknown ids (added checks) show as they are. */
export function guaranteeText(id: string): {
  title: string;
  description: string;
} {
  const known = GOLDEN_PATH_GUARANTEES.find(g => g.id === id);
  return known ?? { title: id, description: id };
}

/** One guarantee as an icon with its title and description in a tooltip. */
export function GuaranteeIcon(props: { id: string }) {
  const Icon = ICONS[props.id] ?? CheckCircleOutlineIcon;
  const { title, description } = guaranteeText(props.id);
  return (
    <Tooltip title={`${title}: ${description}`}>
      <span role="img" aria-label={title}>
        <Icon fontSize="small" />
      </span>
    </Tooltip>
  );
}

/** Every guarantee of a path, as icons. */
export function GuaranteeIcons(props: { ids: ReadonlyArray<string> }) {
  return (
    <span data-testid="guarantee-icons">
      {props.ids.map(id => (
        <GuaranteeIcon key={id} id={id} />
      ))}
    </span>
  );
}
