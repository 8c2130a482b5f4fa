export { GoldenPathEntitiesProcessor } from './GoldenPathEntitiesProcessor';
