import type { AmountPeriod, DurationUnit, GraphNode, GraphRelation, Provenance } from '../domain/model.js';
import type { ChangeRecord } from '../store/GraphStore.js';

/*
 * The models behind the schema's types, in one file (codegen.ts `mappers` points here): what a
 * resolver returns for a type, which that type's field resolvers then shape. Node types are the
 * domain GraphNode; the types below exist only for the API.
 */
export type { ApproachRating, GraphNode, LocalizedName, Provenance } from '../domain/model.js';
export type { ChangeRecord, GraphStats } from '../store/GraphStore.js';
export type { Principal } from '../auth.js';

export interface Party {
  node: GraphNode;
  role?: string;
  sources: Provenance[];
}

/** One win of an award: the winner and the WINS relationship's year, note and sources. */
export interface AwardWin {
  node: GraphNode;
  year?: number;
  note?: string;
  sources: Provenance[];
}

export interface Duration {
  value: number;
  max?: number;
  unit: DurationUnit;
}

/** The Duration of a programme or project, or null when the source states none. */
export function durationOf(n: GraphNode): Duration | null {
  if (n.duration === undefined || n.durationUnit === undefined) return null;
  return { value: n.duration, max: n.durationMax, unit: n.durationUnit };
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

/**
 * A relationship as the API serves it: the domain object plus `source` and `target`, the names
 * Cytoscape and most graph tools use. Plain properties rather than field resolvers, because a
 * neighbourhood returns thousands of edges and a resolver call per field is what costs there.
 */
export type RelationView = GraphRelation & { source: string; target: string };

/** One object shape for every relationship, so the executor's property reads stay monomorphic. */
export function relationView(r: GraphRelation): RelationView {
  return {
    id: r.id,
    kind: r.kind,
    from: r.from,
    to: r.to,
    source: r.from,
    target: r.to,
    role: r.role,
    since: r.since,
    until: r.until,
    year: r.year,
    amount: r.amount,
    amountMax: r.amountMax,
    currency: r.currency,
    amountPeriod: r.amountPeriod,
    note: r.note,
    sources: r.sources,
  };
}

export interface NodeChangeResult {
  node: GraphNode;
  change: ChangeRecord;
}

export interface RelationChangeResult {
  relation: RelationView;
  change: ChangeRecord;
}

export interface DeletionResult {
  id: string;
  change: ChangeRecord;
}
