export {
  GoldenPathEditorPage,
  type GoldenPathEditorPageProps,
} from './GoldenPathEditorPage';
