import type { LedgerVerification } from "entente/wire-types";

/** Props of {@link ChainStatus}. */
export interface ChainStatusProps {
  /** The server's check of the chain (undefined while it is asked). */
  chain: LedgerVerification | undefined;
  /** Why the check could not be had. */
  error?: string | undefined;
}

/**
 * One line on the ledger's hash chain: intact (how many entries, and the head's hash), or the
 * first entry whose hash no longer chains and why.
 */
export function ChainStatus({ chain, error }: ChainStatusProps) {
  if (error) {
    return (
      <p className="chain-status error" data-testid="chain-status">
        Chain not checked: {error}
      </p>
    );
  }
  if (!chain) {
    return (
      <p className="chain-status loading" data-testid="chain-status">
        Checking the chain…
      </p>
    );
  }
  if (!chain.ok) {
    return (
      <p className="chain-status error" role="alert" data-testid="chain-status">
        Chain broken
        {chain.broken ? ` at entry ${chain.broken.seq}: ${chain.broken.reason}` : ""} (
        {chain.entries} entries).
      </p>
    );
  }
  return (
    <p className="chain-status ok" data-testid="chain-status">
      {chain.entries === 0 ? (
        "Chain intact: the ledger is empty."
      ) : (
        <>
          Chain intact: {chain.entries} {chain.entries === 1 ? "entry" : "entries"}, head{" "}
          <code title={chain.head}>{chain.head.slice(0, 12)}…</code>
        </>
      )}
    </p>
  );
}
