// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withArticle } from "../pending-articles.ts";
import { DraftArticles, type DraftArticlesProps } from "./DraftArticles.tsx";

afterEach(cleanup);

const articles = withArticle(withArticle([], "talks.md", "# Talks\n\nText."), "talks.md", "More.");
const props = (over: Partial<DraftArticlesProps> = {}): DraftArticlesProps => ({
  articles,
  onAdd: vi.fn(),
  onRemove: vi.fn(),
  provider: {
    kind: "known",
    info: { configured: true, model: "llama3.1", baseUrl: "http://x/v1" },
  },
  job: { phase: "idle" },
  onDraft: vi.fn(),
  ...over,
});

describe("DraftArticles", () => {
  it("lists the articles under unique names and drafts with the configured model", () => {
    const p = props();
    render(<DraftArticles {...p} />);
    const list = screen.getByRole("list", { name: "Articles to draft from" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["talks.md 14 characters Remove", "talks-2.md 5 characters Remove"]);
    expect(screen.getByTestId("draft-provider").textContent).toContain("llama3.1");
    fireEvent.click(screen.getByRole("button", { name: "Remove talks-2.md" }));
    expect(p.onRemove).toHaveBeenCalledWith(articles[1]?.key);
    fireEvent.click(screen.getByRole("button", { name: "Draft" }));
    expect(p.onDraft).toHaveBeenCalledTimes(1);
  });

  it("adds a pasted article, named when no name is given", () => {
    const p = props();
    render(<DraftArticles {...p} />);
    fireEvent.change(screen.getByLabelText("Text of the pasted article"), {
      target: { value: "Pasted text." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add the pasted article" }));
    expect(p.onAdd).toHaveBeenCalledWith("pasted-article.txt", "Pasted text.");
  });

  it("shows how to configure a provider and does not draft without one", () => {
    render(
      <DraftArticles
        {...props({
          provider: { kind: "known", info: { configured: false, help: "set ENTENTE_LLM_MODEL" } },
        })}
      />,
    );
    expect(screen.getByTestId("draft-provider").textContent).toContain("set ENTENTE_LLM_MODEL");
    expect(screen.getByRole("button", { name: "Draft" })).toHaveProperty("disabled", true);
  });

  it("shows the progress while drafting, and the server's reason when it failed", () => {
    const running = props({
      job: {
        phase: "running",
        job: { id: "j", status: "running", done: 1, total: 5, note: "asking about b.md" },
      },
    });
    const { rerender } = render(<DraftArticles {...running} />);
    expect(screen.getByRole("status").textContent).toBe("article 2 of 5 · asking about b.md");
    expect(screen.getByRole("button", { name: "Drafting…" })).toHaveProperty("disabled", true);
    rerender(<DraftArticles {...props({ job: { phase: "failed", error: "model said no" } })} />);
    expect(screen.getByRole("alert").textContent).toContain("model said no");
  });
});
