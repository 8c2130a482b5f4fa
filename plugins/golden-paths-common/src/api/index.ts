export * from './types';
export * from './GoldenPathsClient';
export * from './upgradeTypes';
