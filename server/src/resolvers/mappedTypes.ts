import type { AmountPeriod, GraphNode, Provenance } from '../domain/model.js';

export interface Party {
  node: GraphNode;
  role?: string;
  sources: Provenance[];
}

export interface Money {
  amount: number;
  amountMax?: number;
  currency?: string;
  period?: AmountPeriod;
}

/** The Money of anything carrying amount fields, or null when it states no amount. */
export function moneyOf(x: { amount?: number; amountMax?: number; currency?: string; amountPeriod?: AmountPeriod }): Money | null {
  if (x.amount === undefined) return null;
  return { amount: x.amount, amountMax: x.amountMax, currency: x.currency, period: x.amountPeriod };
}
