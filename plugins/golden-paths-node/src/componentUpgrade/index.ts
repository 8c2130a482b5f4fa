export * from './ComponentUpgrader';
export * from './upgradeBranch';
