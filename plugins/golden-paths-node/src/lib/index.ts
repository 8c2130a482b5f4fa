export * from './forEachConcurrently';
export * from './errorCode';
export * from './callerKey';
export * from './readWholeNumber';
export * from './workspacePaths';
