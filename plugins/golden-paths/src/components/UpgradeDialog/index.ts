export { UpgradeDialog } from './UpgradeDialog';
export { UpgradeButton } from './UpgradeButton';
