export { GoldenPathUpgradePlans } from './GoldenPathUpgradePlans';
