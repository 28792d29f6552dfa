/**
 * How one database differs from the other beyond the query code the Kysely store shares.
 * @module
 */

/** How a dialect differs beyond the query code. */
export interface DialectTraits {
  dialect: "sqlite" | "postgres";
  location: string;
  /** true for a unique or primary-key violation raised by the driver. */
  isUniqueViolation(error: unknown): boolean;
  /** Called after the Kysely instance is destroyed. */
  onClose?: () => Promise<void> | void;
}
