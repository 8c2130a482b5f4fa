export { GoldenPathFollowersTable } from './GoldenPathFollowersTable';
