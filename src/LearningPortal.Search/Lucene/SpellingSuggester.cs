using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// "Did you mean": each word that no published document contains is replaced by the nearest word that some do
/// (fewest edits, a transposition counting as one; among equals the word in most documents), the way
/// Lucene's DirectSpellChecker works, over the index's own dictionary of words as written. A word that
/// finds documents through stemming ("neglected" when only "neglect" is written) is left alone.
/// </summary>
internal static partial class SpellingSuggester
{
    private const int MinWordLength = 4;
    private const int MaxCandidates = 300;

    public static string? Suggest(IndexReader reader, string text, Func<string, bool> findsDocuments)
    {
        var terms = MultiFields.GetTerms(reader, IndexFields.Spelling);
        if (terms is null || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var liveDocs = MultiFields.GetLiveDocs(reader);
        var changed = false;
        var suggestion = Word().Replace(text, match =>
        {
            var word = match.Value.ToLowerInvariant();
            if (word.Length < MinWordLength || reader.DocFreq(new Term(IndexFields.Spelling, word)) > 0 || findsDocuments(word))
            {
                return match.Value;
            }

            var best = Nearest(reader, terms, liveDocs, word);
            if (best is null)
            {
                return match.Value;
            }

            changed = true;
            return best;
        });
        return changed ? suggestion : null;
    }

    private static string? Nearest(IndexReader reader, Terms terms, IBits? liveDocs, string word)
    {
        // One edit first (most typos, and a much smaller automaton); two only for longer words that need it.
        return Nearest(reader, terms, liveDocs, word, 1)
            ?? (word.Length > 5 ? Nearest(reader, terms, liveDocs, word, 2) : null);
    }

    private static string? Nearest(IndexReader reader, Terms terms, IBits? liveDocs, string word, int maxEdits)
    {
        var candidates = new List<(string Word, int Distance, int DocFreq)>();
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexFields.Spelling, word), maxEdits, 1, true);
        while (candidates.Count < MaxCandidates && fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            candidates.Add((candidate, Distance(word, candidate), fuzzy.DocFreq));
        }

        // Document frequency counts deleted documents until segments merge; a word only in unpublished items is no suggestion.
        return candidates
            .OrderBy(c => c.Distance).ThenByDescending(c => c.DocFreq).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault(w => InLiveDocument(reader, liveDocs, w));
    }

    private static bool InLiveDocument(IndexReader reader, IBits? liveDocs, string word)
    {
        var docs = MultiFields.GetTermDocsEnum(reader, liveDocs, IndexFields.Spelling, new BytesRef(word));
        return docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    // Only plain Latin words are checked: the dictionary is folded to ASCII.
    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();
}
