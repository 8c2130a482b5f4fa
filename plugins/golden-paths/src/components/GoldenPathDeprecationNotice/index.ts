export { GoldenPathDeprecationNotice } from './GoldenPathDeprecationNotice';
