import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';

afterEach(() => {
  cleanup();
});

describe('App', () => {
  it('shows its name and the environment from the runtime configuration', () => {
    render(<App config={{ environment: 'staging', apiOrigins: [] }} />);

    expect(
      screen.getByRole('heading', { name: '${{ values.name }}' }),
    ).toBeTruthy();
    expect(screen.getByText('Environment: staging')).toBeTruthy();
  });

  it('counts clicks', () => {
    render(<App config={{ environment: 'local', apiOrigins: [] }} />);

    fireEvent.click(screen.getByRole('button'));
    fireEvent.click(screen.getByRole('button'));

    expect(screen.getByRole('button').textContent).toBe('Clicked 2 times');
  });
});
