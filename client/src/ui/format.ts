import type { AmountPeriod, DurationUnit } from '../gql/graphql.js';
import { formatNumber, t } from '../i18n/index.js';

/** Years as the source gives them: "2004–2010", "since 2004", "until 2010" (a year is never grouped: 2004, not 2,004). */
export function formatPeriod(from: number | null | undefined, to: number | null | undefined): string {
  if (from && to) return from === to ? String(from) : t('period.range', { from, to });
  if (from) return t('period.since', { from });
  if (to) return t('period.until', { to });
  return '';
}

/** An amount in the active language's notation: "EUR 10,000–20,000 per year", "EUR 10.000–20.000 per jaar". */
export function formatMoney(m: { amount: number; amountMax: number | null; currency: string | null; period: string | null }): string {
  const amount = m.amountMax ? `${formatNumber(m.amount)}–${formatNumber(m.amountMax)}` : formatNumber(m.amount);
  const period = m.period && m.period !== 'TOTAL' ? ` ${t(`domain:amountPeriod.${m.period as AmountPeriod}`)}` : '';
  return `${m.currency ? `${m.currency} ` : ''}${amount}${period}`;
}

/** A length as the source gives it: "3 months", "2–3 years", "18 maanden", "2–3 ans". */
export function formatDuration(d: { value: number; max: number | null; unit: DurationUnit }): string {
  const value = d.max ? `${formatNumber(d.value)}–${formatNumber(d.max)}` : formatNumber(d.value);
  return t(`domain:duration.${d.unit}`, { count: d.max ?? d.value, value });
}
