using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// Titles and passages with the matched words in &lt;mark&gt;. Everything else is HTML-encoded by the
/// highlighter's encoder, so the result is safe to write into a page as it is.
/// </summary>
/// <remarks>
/// Scoring passages by the query's terms (not by exact phrase spans) keeps a page of results to a few
/// milliseconds: span scoring builds an in-memory index of every passage. A phrase's words are marked
/// wherever they appear in the chosen passage.
/// </remarks>
internal sealed class Snippets(Analyzer analyzer)
{
    private Analyzer Analyzer => analyzer;

    private const int FragmentSize = 180;
    private const int LeadLength = 240;

    // Matches further into a long document than this are not looked for; the passage comes from elsewhere.
    private const int MaxCharsToAnalyze = 20_000;

    // The body's passage is looked for in its opening first: analysing the text again is most of a page of results'
    // cost, and words that many documents match are nearly always in their opening. Only when the opening has none of
    // the words is the rest (up to MaxCharsToAnalyze) read.
    internal const int OpeningChars = 2_500;
    private static readonly SimpleHTMLFormatter Marks = new("<mark>", "</mark>");

    /// <summary>Highlighters for one query, reused for each hit on the page.</summary>
    public Highlights For(Query? words) => new(this, words);

    internal sealed class Highlights(Snippets owner, Query? words)
    {
        private readonly Dictionary<string, Highlighter> byField = new(StringComparer.Ordinal);

        public (string TitleHtml, string SnippetHtml) For(StoredDocument d)
        {
            if (words is null)
            {
                return (Encode(d.Title), Encode(Lead(d)));
            }

            var title = Highlight(IndexFields.Title, d.Title, 1, whole: true) ?? Encode(d.Title);
            var snippet = Highlight(IndexFields.Body, d.Body, 2, whole: false, OpeningChars)
                ?? (d.Body.Length > OpeningChars ? Highlight(IndexFields.Body, d.Body, 2, whole: false) : null)
                ?? d.Questions.Select(q => Highlight(IndexFields.Questions, q, 1, whole: true)).FirstOrDefault(q => q is not null)
                ?? Highlight(IndexFields.About, d.Summary, 1, whole: true)
                ?? Encode(Lead(d));
            return (title, snippet);
        }

        private string? Highlight(string field, string text, int fragments, bool whole, int maxChars = MaxCharsToAnalyze)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var key = maxChars == MaxCharsToAnalyze ? field : field + "\u001f" + maxChars.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!byField.TryGetValue(key, out var highlighter))
            {
                var scorer = new QueryTermScorer(words, field);
                highlighter = new Highlighter(Marks, new SimpleHTMLEncoder(), scorer)
                {
                    TextFragmenter = whole ? new NullFragmenter() : new SimpleFragmenter(FragmentSize),
                    MaxDocCharsToAnalyze = maxChars,
                };
                byField[key] = highlighter;
            }

            try
            {
                using var tokens = owner.Analyzer.GetTokenStream(field, text);
                var best = highlighter.GetBestFragments(tokens, text, fragments);
                var parts = best.Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
                return parts.Count == 0 ? null : string.Join(" … ", parts);
            }
            catch (InvalidTokenOffsetsException)
            {
                return null;
            }
        }
    }

    /// <summary>HTML-encodes text the same way the highlighter does.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

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
