using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// Titles and passages with the matched words in &lt;mark&gt;. Everything else is HTML-encoded by the
/// highlighter's encoder, so the result is safe to write into a page as it is.
/// </summary>
internal sealed class Snippets(Analyzer analyzer)
{
    private const int FragmentSize = 180;
    private const int LeadLength = 240;
    private static readonly SimpleHTMLFormatter Marks = new("<mark>", "</mark>");

    public (string TitleHtml, string SnippetHtml) For(Query? words, StoredDocument d)
    {
        if (words is null)
        {
            return (Encode(d.Title), Encode(Lead(d)));
        }

        var title = Highlight(words, IndexFields.Title, d.Title, 1, whole: true) ?? Encode(d.Title);
        var snippet = Highlight(words, IndexFields.Body, d.Body, 2, whole: false)
            ?? d.Questions.Select(q => Highlight(words, IndexFields.Questions, q, 1, whole: true)).FirstOrDefault(q => q is not null)
            ?? Highlight(words, IndexFields.Summary, d.Summary, 1, whole: true)
            ?? Encode(Lead(d));
        return (title, snippet);
    }

    /// <summary>HTML-encodes text the same way the highlighter does.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private string? Highlight(Query words, string field, string text, int fragments, bool whole)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var scorer = new QueryScorer(words, field);
        var highlighter = new Highlighter(Marks, new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, FragmentSize),
        };
        try
        {
            using var tokens = analyzer.GetTokenStream(field, text);
            var best = highlighter.GetBestFragments(tokens, text, fragments);
            var parts = best.Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
            return parts.Count == 0 ? null : string.Join(" … ", parts);
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }

    private static string Lead(StoredDocument d)
    {
        if (!string.IsNullOrWhiteSpace(d.Summary))
        {
            return d.Summary;
        }

        var body = d.Body.Trim();
        if (body.Length <= LeadLength)
        {
            return body;
        }

        var cut = body.LastIndexOf(' ', LeadLength);
        return body[..(cut > LeadLength / 2 ? cut : LeadLength)] + " …";
    }
}
