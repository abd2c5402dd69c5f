import { describe, it, expect } from "vitest";
import { htmlToText, markdownToText, formatOf, toPlainText } from "./formats";

const page = `<!doctype html><html><head><title>Putin and Goita speak | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement</div>
<article><h1>Putin and Goita speak by phone</h1>
<p>Russian President Vladimir Putin held a telephone conversation with Mali's interim president Assimi Goita on Tuesday, the Kremlin said in a statement.</p>
<p>The two leaders discussed the situation in Niger, where the military seized power in July, and stressed that only peaceful political and diplomatic means should be used.</p>
<p>Goita wrote on X that he had thanked Putin for his support, adding that Mali and Russia would strengthen their cooperation in security and the economy.</p>
<script>alert("x")</script>
</article>
<footer>© 2023 Example News. All rights reserved.</footer></body></html>`;

describe("HTML uploads", () => {
  it("keep the article's paragraphs and drop navigation, scripts and footers", () => {
    const { text, title } = htmlToText(page);
    expect(title).toMatch(/Putin and Goita speak/);
    expect(text).toContain("Russian President Vladimir Putin held a telephone conversation");
    expect(text).toContain("\n\n");
    expect(text).not.toMatch(/alert|All rights reserved|Sport/);
  });

  it("decode entities instead of passing markup through", () => {
    const { text } = htmlToText(
      "<p>Mali &amp; Russia agreed on &quot;security&quot; cooperation, officials said on Wednesday in Bamako, the capital.</p><p><b>Bold</b> words <i>stay</i> words.</p>",
    );
    expect(text).toContain('Mali & Russia agreed on "security" cooperation');
    expect(text).not.toContain("<b>");
  });
});

describe("other formats", () => {
  it("strip markdown syntax but keep the words", () => {
    expect(markdownToText("# Title\n\nThe **Kremlin** said [in a statement](http://x) that _both_ sides agreed.")).toBe(
      "Title\n\nThe Kremlin said in a statement that both sides agreed.",
    );
  });

  it("choose a format by file name", () => {
    expect(formatOf("a.HTML")).toBe("html");
    expect(formatOf("b.md")).toBe("markdown");
    expect(formatOf("c.txt")).toBe("text");
    expect(toPlainText("plain", "text")).toEqual({ text: "plain", title: null });
  });
});
