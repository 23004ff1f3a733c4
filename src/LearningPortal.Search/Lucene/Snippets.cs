using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// Titles and passages with the matched words in &lt;mark&gt;. Everything else is HTML-encoded, so the result is safe
/// to write into a page as it is.
/// </summary>
/// <remarks>
/// Each text is analysed once, as it was indexed, and a word is marked when it analyses to one of the query's terms
/// (so "neglected" is marked for "neglect"); a phrase's words are marked wherever they appear in the chosen passage.
/// The passage is the run of about <see cref="FragmentSize"/> characters with the most of the query's terms (two of
/// them for a body). Only the chosen passage is encoded: the rest of the text is never copied.
/// </remarks>
internal sealed class Snippets(Analyzer analyzer)
{
    private Analyzer Analyzer => analyzer;

    private const int FragmentSize = 180;
    private const int LeadLength = 240;
    private const string Gap = " … ";

    // Matches further into a long document than this are not looked for; the passage comes from elsewhere.
    private const int MaxCharsToAnalyze = 20_000;

    // The body is read until a match has been found past its opening: analysing the text is most of a page of results'
    // cost, and words that many documents match are nearly always in their opening. Only when the opening has none of
    // the words is the rest (up to MaxCharsToAnalyze) read.
    internal const int OpeningChars = 2_500;

    /// <summary>Marking for one query, reused for each hit on the page.</summary>
    public Highlights For(Query? words) => new(this, words is null ? null : Terms(words));

    // The query's terms as analysed; every text field is analysed alike, so one set serves them all.
    private static HashSet<string> Terms(Query words)
    {
        var terms = new HashSet<Term>();
        words.ExtractTerms(terms);
        return terms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
    }

    internal sealed class Highlights(Snippets owner, HashSet<string>? terms)
    {
        // Matches in the text being marked: reused from hit to hit.
        private readonly List<Match> matches = [];

        public (string TitleHtml, string SnippetHtml) For(StoredDocument d)
        {
            if (terms is null)
            {
                return (Encode(d.Title), Encode(Lead(d)));
            }

            var title = Whole(IndexFields.Title, d.Title) ?? Encode(d.Title);
            var snippet = Passage(d.Body)
                ?? d.Questions.Select(q => Whole(IndexFields.Questions, q)).FirstOrDefault(q => q is not null)
                ?? Whole(IndexFields.About, d.Summary)
                ?? Encode(Lead(d));
            return (title, snippet);
        }

        /// <summary>The whole of a short text with its matches marked, or null when nothing in it matches.</summary>
        private string? Whole(string field, string text)
        {
            if (!Find(field, text, stopAfter: int.MaxValue))
            {
                return null;
            }

            var html = new StringBuilder(text.Length + 32);
            Mark(html, text, 0, text.Length, 0, matches.Count);
            return html.ToString().Trim();
        }

        /// <summary>The body's best one or two passages with their matches marked, or null when nothing in it matches.</summary>
        private string? Passage(string body)
        {
            if (!Find(IndexFields.Body, body, stopAfter: OpeningChars))
            {
                return null;
            }

            // Passages of about FragmentSize characters, from a multiple of FragmentSize (moved back to the start of its
            // word, as the highlighter's fragmenter cut the text) to the end of a word. Scored by the distinct terms in
            // them, then by matches; the best two are shown in the order of the text.
            var passages = new List<(int Start, int End, int First, int Count, int Score)>();
            for (var i = 0; i < matches.Count;)
            {
                var start = FragmentStart(body, matches[i].Start);
                var window = start + FragmentSize;
                var end = start;
                var first = i;
                var distinct = new HashSet<string>(StringComparer.Ordinal);
                do
                {
                    // A match that starts inside the window is in the passage, even when it runs past the window's end.
                    distinct.Add(matches[i].Term);
                    end = Math.Max(end, matches[i].End);
                    i++;
                }
                while (i < matches.Count && matches[i].Start < window);

                end = Math.Max(end, Math.Min(body.Length, window));
                passages.Add((start, WordEnd(body, end), first, i - first, (distinct.Count * 100) + (i - first)));
            }

            var best = passages.OrderByDescending(p => p.Score).ThenBy(p => p.Start).Take(2).OrderBy(p => p.Start).ToList();
            var html = new StringBuilder(FragmentSize * 2 + 64);
            var previousEnd = -1;
            foreach (var p in best)
            {
                var start = Math.Max(p.Start, previousEnd);
                if (html.Length > 0)
                {
                    html.Append(start == previousEnd ? " " : Gap);
                }

                var before = html.Length;
                Mark(html, body, start, p.End, p.First, p.First + p.Count);
                TrimFrom(html, before);
                previousEnd = p.End;
            }

            return html.Length == 0 ? null : html.ToString();
        }

        /// <summary>
        /// Analyses the text once, collecting the tokens that are query terms, until a match has been found past
        /// <paramref name="stopAfter"/> characters, or the end (at most <see cref="MaxCharsToAnalyze"/>).
        /// </summary>
        private bool Find(string field, string text, int stopAfter)
        {
            matches.Clear();
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            var limit = Math.Min(text.Length, MaxCharsToAnalyze);
            using var tokens = owner.Analyzer.GetTokenStream(field, text);
            var term = tokens.AddAttribute<ICharTermAttribute>();
            var offsets = tokens.AddAttribute<IOffsetAttribute>();
            tokens.Reset();
            while (tokens.IncrementToken())
            {
                var (start, end) = (offsets.StartOffset, offsets.EndOffset);
                if (end > limit || (matches.Count > 0 && start >= stopAfter))
                {
                    break;
                }

                var word = term.ToString();
                if (terms!.Contains(word) && start < end)
                {
                    matches.Add(new Match(start, end, word));
                }
            }

            tokens.End();
            return matches.Count > 0;
        }

        // Encodes text[start..end], wrapping matches[first..last) (those inside the range) in <mark>.
        private void Mark(StringBuilder html, string text, int start, int end, int first, int last)
        {
            var at = start;
            for (var i = first; i < last; i++)
            {
                var m = matches[i];
                if (m.Start < at || m.End > end)
                {
                    continue;
                }

                html.Append(Encode(text[at..m.Start])).Append("<mark>").Append(Encode(text[m.Start..m.End])).Append("</mark>");
                at = m.End;
            }

            html.Append(Encode(text[at..end]));
        }
    }

    private readonly record struct Match(int Start, int End, string Term);

    // Passages start on multiples of FragmentSize, moved back to the start of the word there.
    private static int FragmentStart(string text, int matchStart)
    {
        var start = matchStart / FragmentSize * FragmentSize;
        while (start > 0 && char.IsLetterOrDigit(text[start - 1]) && start > matchStart - FragmentSize)
        {
            start--;
        }

        while (start < matchStart && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    // A passage ends after the word it ends in, not in the middle of one.
    private static int WordEnd(string text, int end)
    {
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return end;
    }

    private static void TrimFrom(StringBuilder html, int start)
    {
        while (html.Length > start && char.IsWhiteSpace(html[^1]))
        {
            html.Length--;
        }

        var lead = 0;
        while (start + lead < html.Length && char.IsWhiteSpace(html[start + lead]))
        {
            lead++;
        }

        html.Remove(start, lead);
    }

    /// <summary>HTML-encodes text.</summary>
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
