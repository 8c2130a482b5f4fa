export * from './ComponentUpgrader';
export * from './upgradeBranch';
export * from './upgradeLimits';
