import { Command } from "@commander-js/extra-typings";
import { verificationText } from "../../../format/ledger.ts";
import { verifyLedger } from "../../../ledger/verify-ledger.ts";
import { CliError, type CliIO, EXIT } from "../../io.ts";
import { DATA_DIR, formatOption } from "./ledger-options.ts";
import { withStore } from "./with-store.ts";

/** `entente ledger verify`: check the hash chain (exit 1 when broken). */
export function ledgerVerifyCommand(io: CliIO) {
  return new Command("verify")
    .description(
      "check the hash chain; names the first edited, deleted or reordered entry (exit 1 when broken)",
    )
    .option(
      "--head <hash>",
      "also check that the chain passes through this head hash, written down earlier",
    )
    .option(...DATA_DIR)
    .addOption(formatOption())
    .action(async (options) => {
      await withStore(options.dataDir, async (store) => {
        const { rows, head } = await store.readLedger();
        const v = verifyLedger(rows, head, options.head);
        io.stdout(
          options.format === "json" ? `${JSON.stringify(v, null, 2)}\n` : verificationText(v),
        );
        if (!v.ok)
          throw new CliError(
            `the ledger's chain is broken at entry ${v.broken?.seq}`,
            EXIT.failure,
          );
      });
    });
}
