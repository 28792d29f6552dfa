import { describe, expect, it } from "vitest";
import { articleFormat, articleText } from "./article-text.ts";

describe("articleFormat", () => {
  it("reads the format from the extension", () => {
    expect(
      ["a.md", "b.MARKDOWN", "c.html", "d.htm", "e.txt", "f", "g.text"].map(articleFormat),
    ).toEqual(["markdown", "markdown", "html", "html", "text", "text", "text"]);
  });
});

describe("articleText", () => {
  it("keeps what an HTML reader sees: no head, scripts or styles; blocks on their own lines; entities decoded", () => {
    const html = `<!doctype html><html><head><title>The talks</title><style>p{}</style></head>
<body><nav>Menu</nav><h1>Talks  open</h1><script>var x = "hidden";</script>
<p>The union wants a &ldquo;freeze&rdquo; <b>now</b>.</p><ul><li>one</li><li>two</li></ul>
<p>Line<br>break &amp; more</p></body></html>`;
    expect(articleText(html, "html")).toEqual({
      title: "The talks",
      text: "Menu\n\nTalks open\n\nThe union wants a \u201Cfreeze\u201D now.\n\none\n\ntwo\n\nLine\n\nbreak & more",
    });
    expect(articleText("<p>Just a fragment</p>", "html")).toEqual({
      title: undefined,
      text: "Just a fragment",
    });
  });

  it("drops Markdown syntax but keeps the words, taking the first heading as the title", () => {
    const md = [
      "---",
      "layout: post",
      "---",
      "# Harbour *talks* open",
      "",
      "> The **union** wants a [complete freeze](https://example.org) on `cranes`.",
      "",
      "- first_point and snake_case stay",
      "1. ![a photo](x.png) caption ~~gone~~ kept",
      "```",
      "code stays",
      "```",
      "[ref]: https://example.org",
      "***",
    ].join("\n");
    expect(articleText(md, "markdown")).toEqual({
      title: "Harbour talks open",
      text: "Harbour talks open\n\nThe union wants a complete freeze on cranes.\n\nfirst_point and snake_case stay\na photo caption gone kept\ncode stays",
    });
  });

  it("keeps plain text as it is", () => {
    expect(articleText("  As *is*  \n", "text")).toEqual({
      text: "  As *is*  \n",
      title: undefined,
    });
  });
});
