import '@testing-library/jest-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { GoldenPathStepsCard } from './GoldenPathStepsCard';

describe('GoldenPathStepsCard', () => {
  it('numbers the steps and renders their Markdown', async () => {
    await renderInTestApp(
      <GoldenPathStepsCard
        steps={[
          {
            title: 'Scaffold the service',
            description: 'Open **Create** and run `npm ci`.',
          },
          {
            title: 'Ship it',
            description: '- build\n- [deploy](https://argo-cd.readthedocs.io/)',
          },
        ]}
      />,
    );

    const steps = screen.getByRole('list', { name: 'Steps' });
    const items = Array.from(steps.children);
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/^1Scaffold the service/);
    expect(items[1]).toHaveTextContent(/^2Ship it/);
    expect(
      within(steps).getByRole('heading', { name: 'Ship it' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Create').tagName).toBe('STRONG');
    expect(screen.getByText('npm ci').tagName).toBe('CODE');
    expect(screen.getByRole('link', { name: /deploy/ })).toHaveAttribute(
      'href',
      'https://argo-cd.readthedocs.io/',
    );
  });

  it('says when the path has no steps', async () => {
    await renderInTestApp(<GoldenPathStepsCard />);
    expect(screen.getByText(/lists no steps yet/)).toBeInTheDocument();
  });

  it('renders a step whose Markdown links to a script, without the link', async () => {
    await renderInTestApp(
      <GoldenPathStepsCard
        steps={[
          {
            title: 'Log in',
            description:
              'Open [the console](javascript:alert(1)) or <a href="javascript:alert(2)">this</a>.',
          },
        ]}
      />,
    );
    expect(screen.getByText('Log in')).toBeInTheDocument();
    expect(screen.getByText(/the console\s+or\s+this/)).toBeInTheDocument();
    for (const link of screen.queryAllByRole('link')) {
      expect(link.getAttribute('href')).not.toMatch(/script/i);
    }
  });
});
