/** SCREAMING_SNAKE enum values in words: CITY_TO_CITY → "city to city". */
export const enumWords = (value: string): string => value.toLowerCase().replace(/_/g, ' ');

export function formatPeriod(from: number | null | undefined, to: number | null | undefined): string {
  if (from && to) return from === to ? String(from) : `${from}–${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return '';
}

export function formatMoney(m: { amount: number; amountMax: number | null; currency: string | null; period: string | null }): string {
  const fmt = (x: number) => x.toLocaleString('en-GB');
  const amount = m.amountMax ? `${fmt(m.amount)}–${fmt(m.amountMax)}` : fmt(m.amount);
  const period = m.period && m.period !== 'TOTAL' ? ` ${enumWords(m.period)}` : '';
  return `${m.currency ? `${m.currency} ` : ''}${amount}${period}`;
}
