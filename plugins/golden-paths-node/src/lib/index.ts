export * from './forEachConcurrently';
export * from './errorCode';
export * from './workspacePaths';
