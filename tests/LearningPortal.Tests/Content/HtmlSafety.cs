using AngleSharp.Dom;

namespace LearningPortal.Tests.Content;

/// <summary>Checks a rendered page or fragment holds nothing a browser would execute or load from an attacker.</summary>
public static class HtmlSafety
{
    /// <summary>XSS payloads fed through Markdown and through every field.</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](jav&#x09;ascript:alert(1))",
        "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[click](%6A%61%76%61%73%63%72%69%70%74%3Aalert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x\" onerror=\"alert(1)](/x.png)",
        "<p style=\"background:url(javascript:alert(1))\">styled</p>",
        "<div onclick=\"alert(1)\">click me</div>",
        "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<form action=\"https://evil.example\"><button>Go</button></form>",
        "\"><script>alert(1)</script>",
        "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<<script>script>alert(1)<</script>/script>",
        "<details open ontoggle=alert(1)>",
        "::: details <img src=x onerror=alert(1)>\nhidden\n:::",
        "{{organisation}}<script>alert(1)</script>",
    ];

    private static readonly string[] Forbidden = ["iframe", "object", "embed", "svg", "math", "base", "meta", "link", "style", "frame", "frameset", "applet"];

    /// <summary>Fails if any element in the tree could run script or pull in something unsafe.</summary>
    public static void AssertNothingExecutable(INode root, string context)
    {
        var elements = root is IDocument d ? d.All : ((IElement)root).QuerySelectorAll("*");
        var inBody = root is IDocument doc ? doc.Body!.QuerySelectorAll("*") : elements;
        foreach (var e in elements)
        {
            var name = e.LocalName;
            if (name == "script")
            {
                // Only the layout's own scripts: its nonce'd inline one and /js/site.js.
                var src = e.GetAttribute("src");
                Assert.True(e.HasAttribute("nonce") || src is not null && src.StartsWith("/js/", StringComparison.Ordinal), $"{context}: a script element reached the page: {e.OuterHtml}");
            }

            foreach (var attribute in e.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{context}: event attribute {attribute.Name} on <{name}>: {e.OuterHtml}");
                Assert.False(attribute.Name == "style", $"{context}: style attribute on <{name}>: {e.OuterHtml}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "srcdoc" or "poster" or "background")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal),
                        $"{context}: unsafe {attribute.Name}=\"{attribute.Value}\" on <{name}>");
                }
            }
        }

        foreach (var e in inBody)
        {
            // The layout's own pagination arrows are the only SVG allowed.
            var isLayoutIcon = e.LocalName == "svg" && (e.GetAttribute("class") ?? "").StartsWith("govuk-pagination__icon", StringComparison.Ordinal)
                && e.Children.All(c => c.LocalName == "path");
            Assert.False(Forbidden.Contains(e.LocalName) && !isLayoutIcon, $"{context}: <{e.LocalName}> reached the page: {e.OuterHtml}");
            if (e.LocalName == "form")
            {
                var action = e.GetAttribute("action") ?? "";
                Assert.True(action.StartsWith('/'), $"{context}: a form posting elsewhere reached the page: {e.OuterHtml}");
            }
        }
    }
}
