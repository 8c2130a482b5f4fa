import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173 },
  test: {
    environment: 'jsdom',
    // Playwright owns e2e/; Vitest runs the component and unit tests.
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
