export * from './backendErrors';
export * from './examplePaths';
export * from './goldenPathEntity';
export * from './mountedRoutes';
export * from './pathPage';
export * from './upgrades';
