export { GoldenPathHistoryChart } from './GoldenPathHistoryChart';
