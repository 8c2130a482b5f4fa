export * from './useGoldenPaths';
