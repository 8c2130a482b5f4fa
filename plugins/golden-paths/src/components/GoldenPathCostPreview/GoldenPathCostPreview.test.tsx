import '@testing-library/jest-dom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  createScaffolderFieldExtension,
  SecretsContextProvider,
} from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { parse } from 'yaml';
import { GoldenPathCostPreview } from './GoldenPathCostPreview';
import { goldenPathCostPreviewField } from './goldenPathCostPreviewField';
import { goldenPathCostPreviewFormField } from './goldenPathCostPreviewFormField';
import type { GoldenPathCostPreviewUiOptions } from './readCostInputs';

// The Runtime step of the node-http-service template.
const runtimeStep = {
  type: 'object',
  properties: {
    cpuRequest: { title: 'CPU request', type: 'string' },
    cpuLimit: { title: 'CPU limit (optional)', type: 'string' },
    memoryRequest: { title: 'Memory request', type: 'string' },
    memoryLimit: { title: 'Memory limit', type: 'string' },
    autoscaling: { title: 'Autoscaling', type: 'string' },
    minReplicas: { title: 'Minimum replicas', type: 'integer' },
    maxReplicas: { title: 'Maximum replicas', type: 'integer' },
    costPreview: { title: 'Estimated cost', type: 'null' },
  },
};

const defaults = {
  name: 'orders-api',
  cpuRequest: '100m',
  memoryRequest: '128Mi',
  memoryLimit: '256Mi',
  autoscaling: 'hpa',
  minReplicas: 2,
  maxReplicas: 10,
};

function fieldProps(
  formData: Record<string, unknown>,
  options?: GoldenPathCostPreviewUiOptions,
  rootSchema: object = runtimeStep,
): Parameters<typeof GoldenPathCostPreview>[0] {
  return {
    name: 'costPreview',
    schema: {
      title: 'Estimated cost',
      description: 'What the requests cost per month.',
      type: 'null',
    },
    uiSchema: options ? { 'ui:options': options } : {},
    idSchema: { $id: 'root_costPreview' },
    formContext: { formData },
    registry: { rootSchema },
    onChange: jest.fn(),
    onBlur: jest.fn(),
    onFocus: jest.fn(),
    disabled: false,
    readonly: true,
    rawErrors: [],
  } as unknown as Parameters<typeof GoldenPathCostPreview>[0];
}

/** Holds the form data as the scaffolder's stepper does, with one text input. */
function Form(props: { field: string }) {
  const [formData, setFormData] = useState<Record<string, unknown>>(defaults);
  return (
    <>
      <label>
        {props.field}
        <input
          value={String(formData[props.field] ?? '')}
          onChange={e =>
            setFormData(current => ({
              ...current,
              [props.field]: e.target.value,
            }))
          }
        />
      </label>
      <GoldenPathCostPreview {...fieldProps(formData)} />
    </>
  );
}

async function render(
  element: JSX.Element,
  cost?: Record<string, number | string>,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          configApiRef,
          mockApis.config({ data: cost ? { goldenPaths: { cost } } : {} }),
        ],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
}

describe('GoldenPathCostPreview', () => {
  it('shows the monthly range from the form data and the default prices', async () => {
    await render(<GoldenPathCostPreview {...fieldProps(defaults)} />);
    expect(
      screen.getByRole('region', { name: 'Estimated cost' }),
    ).toBeInTheDocument();
    expect(screen.getByText('What the requests cost per month.')).toBeVisible();
    // (0.1 × 0.031611 + 0.125 × 0.004237) × 730 = $2.69 per replica.
    expect(screen.getByTestId('cost-range')).toHaveTextContent(
      '$5.39 – $26.94 per month',
    );
    expect(
      screen.getByText(
        '$2.69 per replica (0.1 vCPU and 128 MiB requested) × 2 to 10 replicas as the autoscaler scales out.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /at \$0\.031611 per vCPU-hour and \$0\.004237 per GiB-hour/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('uses the prices and currency of goldenPaths.cost', async () => {
    await render(<GoldenPathCostPreview {...fieldProps(defaults)} />, {
      cpuCoreHour: 0.05,
      memoryGiBHour: 0.02,
      currency: 'EUR',
    });
    expect(screen.getByTestId('cost-range')).toHaveTextContent(
      '€10.95 – €54.75 per month',
    );
    expect(screen.getByText(/at €0\.05 per vCPU-hour/)).toBeInTheDocument();
  });

  it('reads the fields ui:options names', async () => {
    await render(
      <GoldenPathCostPreview
        {...fieldProps(
          { cpu: '1', mem: '1Gi', count: 3 },
          { cpuRequest: 'cpu', memoryRequest: 'mem', replicas: 'count' },
          { type: 'object', properties: {} },
        )}
      />,
    );
    // (1 × 0.031611 + 1 × 0.004237) × 730 × 3
    expect(screen.getByTestId('cost-range')).toHaveTextContent(
      '$78.51 per month',
    );
    expect(screen.getByText(/× 3 replicas\.$/)).toBeInTheDocument();
  });

  it('counts a fixed number of replicas under a VPA', async () => {
    await render(
      <GoldenPathCostPreview
        {...fieldProps({ ...defaults, autoscaling: 'vpa' })}
      />,
    );
    expect(screen.getByTestId('cost-range')).toHaveTextContent(
      '$5.39 per month',
    );
  });

  it('updates as the user types', async () => {
    await render(<Form field="maxReplicas" />);
    const input = screen.getByLabelText('maxReplicas');
    await userEvent.clear(input);
    expect(screen.queryByTestId('cost-range')).not.toBeInTheDocument();
    expect(
      screen.getByText(/Enter the maximum replicas\. The estimate appears/),
    ).toBeInTheDocument();
    await userEvent.type(input, '4');
    expect(screen.getByTestId('cost-range')).toHaveTextContent(
      '$5.39 – $10.78 per month',
    );
  });

  it('warns when the memory limit is far above the request', async () => {
    await render(<Form field="memoryLimit" />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const input = screen.getByLabelText('memoryLimit');
    await userEvent.clear(input);
    await userEvent.type(input, '1Gi');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Memory limit “1Gi” is 8× the memory request “128Mi”. The scheduler packs pods onto nodes by their requests',
    );
    // Still an estimate: the warning does not block it.
    expect(screen.getByTestId('cost-range')).toHaveTextContent(
      '$5.39 – $26.94 per month',
    );
  });

  it('warns when the CPU limit is far above the request', async () => {
    await render(<Form field="cpuLimit" />);
    await userEvent.type(screen.getByLabelText('cpuLimit'), '1');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'CPU limit “1” is 10× the CPU request “100m”.',
    );
  });

  it('says what is wrong with invalid input and shows no estimate', async () => {
    await render(<Form field="cpuRequest" />);
    const input = screen.getByLabelText('cpuRequest');
    await userEvent.clear(input);
    await userEvent.type(input, 'fast');
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('No estimate:')).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'CPU request “fast” is not a Kubernetes quantity; write it like 250m, 0.5 or 2.',
    );
    expect(screen.queryByTestId('cost-range')).not.toBeInTheDocument();
  });

  it('lists several problems', async () => {
    await render(
      <GoldenPathCostPreview
        {...fieldProps({
          ...defaults,
          memoryLimit: '64Mi',
          minReplicas: 5,
          maxReplicas: 3,
        })}
      />,
    );
    const items = within(screen.getByRole('alert')).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Memory limit “64Mi” is below the memory request “128Mi”: Kubernetes rejects a pod whose limit is below its request.',
      'Minimum replicas (5) is above maximum replicas (3).',
    ]);
  });

  it('tells the template author which ui:options key names a missing field', async () => {
    await render(
      <GoldenPathCostPreview
        {...fieldProps(defaults, { cpuRequest: 'cpu' })}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      "The form has no field for the CPU request: name it in the template's ui:options.cpuRequest.",
    );
  });
});

describe('the cost preview field extensions', () => {
  it('is a legacy field extension and a new-system form field', () => {
    expect(goldenPathCostPreviewField.name).toBe('GoldenPathCostPreview');
    expect(
      createScaffolderFieldExtension(goldenPathCostPreviewField),
    ).toBeDefined();
    expect(goldenPathCostPreviewFormField.$$type).toBe(
      '@backstage/scaffolder/FormField',
    );
  });
});

describe('GoldenPathCostPreview in the scaffolder', () => {
  // The Runtime step of the example template, as the scaffolder gets it.
  const template = parse(
    readFileSync(
      join(
        __dirname,
        '../../../../../examples/templates/node-http-service/template.yaml',
      ),
      'utf8',
    ),
  );
  const runtime = template.spec.parameters.find(
    (step: { title: string }) => step.title === 'Runtime',
  );

  beforeEach(() => {
    // The stepper scrolls to the top on every step; jsdom cannot.
    jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('follows the form as the user types and adds nothing to the task', async () => {
    const onCreate = jest.fn();
    await render(
      <SecretsContextProvider>
        <Stepper
          manifest={{
            title: 'Node.js HTTP service',
            steps: [{ title: 'Runtime', schema: runtime }],
          }}
          extensions={[goldenPathCostPreviewField]}
          onCreate={onCreate}
        />
      </SecretsContextProvider>,
    );
    expect(await screen.findByTestId('cost-range')).toHaveTextContent(
      '$5.39 – $26.94 per month',
    );

    const memoryLimit = screen.getByLabelText(/Memory limit/);
    await userEvent.clear(memoryLimit);
    await userEvent.type(memoryLimit, '1Gi');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Memory limit “1Gi” is 8× the memory request “128Mi”.',
    );

    const maxReplicas = screen.getByLabelText(/Maximum replicas/);
    await userEvent.clear(maxReplicas);
    await userEvent.type(maxReplicas, '4');
    expect(screen.getByTestId('cost-range')).toHaveTextContent(
      '$5.39 – $10.78 per month',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.queryByText('Estimated cost')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalled());
    expect(onCreate.mock.calls[0][0]).toEqual({
      port: 3000,
      cpuRequest: '100m',
      memoryRequest: '128Mi',
      memoryLimit: '1Gi',
      autoscaling: 'hpa',
      minReplicas: 2,
      maxReplicas: 4,
    });
  });
});
