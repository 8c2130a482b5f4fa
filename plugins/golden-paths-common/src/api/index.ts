export * from './types';
export * from './GoldenPathsClient';
