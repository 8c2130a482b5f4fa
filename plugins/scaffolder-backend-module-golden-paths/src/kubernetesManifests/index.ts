export { ACTION_ID } from './actionId';
export { inputSchema, outputSchema, type ManifestsInput } from './schema';
export { writeManifests, type WrittenManifests } from './writeManifests';
