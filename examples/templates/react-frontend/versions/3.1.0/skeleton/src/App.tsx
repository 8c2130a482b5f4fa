import { useState } from 'react';
import type { AppConfig } from './runtimeConfig';
import './App.css';

const DESCRIPTION = ${{ values.description | dump }};

export function App({ config }: { config: AppConfig }) {
  const [clicks, setClicks] = useState(0);

  return (
    <main className="app">
      <h1>${{ values.name }}</h1>
      <p>{DESCRIPTION}</p>
      <p className="environment">Environment: {config.environment}</p>
      <button type="button" onClick={() => setClicks(count => count + 1)}>
        Clicked {clicks} {clicks === 1 ? 'time' : 'times'}
      </button>
    </main>
  );
}
