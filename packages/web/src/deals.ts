/**
 * The deal-space document `POST /api/scenarios/:id/deals` answers with: the very type the
 * server and `entente deals --format json` produce (a type-only import from
 * `entente/wire-types`, erased from the bundle), so the view cannot drift from the API.
 * @module
 */

export type {
  DealsDocument,
  DescribedConcession as DealConcession,
  DescribedPackage as DealPackage,
  DescribedPart as DealPart,
} from "entente/wire-types";

import type { DealsDocument } from "entente/wire-types";

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
