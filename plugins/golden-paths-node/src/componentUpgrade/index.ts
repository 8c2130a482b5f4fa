export * from './ComponentUpgrader';
export * from './componentUpgraderService';
export * from './upgradeBranch';
export * from './upgradeLimits';
export type { FollowerUpgradeCandidate } from './planFollowerUpgrades';
