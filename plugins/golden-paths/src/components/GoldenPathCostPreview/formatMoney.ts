/**
 * An amount in a currency, such as `$1,234.56`. The portal's words are
 * English, so its numbers are too. A code Intl does not know (a typo in the
 * config) is shown after the number instead of failing the form.
 */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** A unit price with the digits it was given, such as `$0.031611`. */
export function formatUnitPrice(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 6,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
