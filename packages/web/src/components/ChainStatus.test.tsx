// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ChainStatus } from "./ChainStatus.tsx";

afterEach(cleanup);

describe("ChainStatus", () => {
  it("names the entries and the head's hash when the chain is intact", () => {
    render(<ChainStatus chain={{ ok: true, entries: 71, head: "0123456789abcdef".repeat(4) }} />);
    expect(screen.getByTestId("chain-status").textContent).toBe(
      "Chain intact: 71 entries, head 0123456789ab…",
    );
  });

  it("raises the first broken entry and why", () => {
    render(
      <ChainStatus
        chain={{
          ok: false,
          entries: 71,
          head: "ab",
          broken: { seq: 5, reason: "its content does not match its hash: the entry was edited" },
        }}
      />,
    );
    expect(screen.getByRole("alert").textContent).toBe(
      "Chain broken at entry 5: its content does not match its hash: the entry was edited (71 entries).",
    );
  });
});
