/**
 * The deal-space document `POST /api/scenarios/:id/deals` answers with (the `entente deals
 * --format json` document of packages/entente/src/format/deals.ts), as far as the deal view
 * reads it.
 * @module
 */

/** One issue's option in a package. */
export interface DealPart {
  issue: string;
  value: string;
  /** What the nearest marked point or end of the scale says, when close. */
  meaning?: string;
  statusQuo: boolean;
}

/** A package with both parties' utilities. */
export interface DealPackage {
  utilities: number[];
  package: DealPart[];
}

/** One issue moved from one option to another, and what it does to each party's utility. */
export interface DealConcession {
  issue: string;
  from: string;
  to: string;
  meaning?: string;
  deltaA: number;
  deltaB: number;
}

export interface DealsDocument {
  source: string;
  parties: [string, string];
  grid?: number;
  gridNote?: string;
  packages: number;
  frontierPoints: number;
  rationalPackages?: number;
  /** Each party's utility of no deal (the status quo). */
  reservations: [number, number];
  nash?: DealPackage;
  kalaiSmorodinsky?: DealPackage;
  maxWelfare?: DealPackage;
  offers: {
    aToB: DealConcession[];
    bToA: DealConcession[];
    logrolls: Array<{ give: DealConcession; take: DealConcession; deltaA: number; deltaB: number }>;
  };
  path: Array<{
    changes: string[];
    deltaA: number;
    deltaB: number;
    utilityA: number;
    utilityB: number;
  }>;
  winSet?: {
    required: string[];
    size: number;
    nearest?: {
      package: DealPart[];
      minSlack: number;
      binding: Array<{ party: string; shortfall: number }>;
    };
    robust?: { package: DealPart[]; minSlack: number };
  };
  notes: string[];
}

/** Whether a value looks like a deals document. */
export function isDealsDocument(value: unknown): value is DealsDocument {
  const d = value as Partial<DealsDocument> | null;
  return (
    typeof d === "object" &&
    d !== null &&
    Array.isArray(d.parties) &&
    Array.isArray(d.reservations) &&
    typeof d.packages === "number"
  );
}
