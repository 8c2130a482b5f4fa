import { Route, Routes } from 'react-router-dom';
import { GoldenPathEditorPage } from './GoldenPathEditorPage';
import { GoldenPathPage } from './GoldenPathPage';
import { GoldenPathsPage } from './GoldenPathsPage';

/** The pages under `/golden-paths`: the list, the editor and each path. */
export function GoldenPathsRouter() {
  return (
    <Routes>
      <Route path="/" element={<GoldenPathsPage />} />
      <Route path="/editor" element={<GoldenPathEditorPage />} />
      <Route path="/:namespace/:name" element={<GoldenPathPage />} />
    </Routes>
  );
}
