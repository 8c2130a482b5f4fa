export * from './types';
export * from './GoldenPathsClient';
export * from './upgradeTypes';
export * from './upgradeOutcomeLabel';
