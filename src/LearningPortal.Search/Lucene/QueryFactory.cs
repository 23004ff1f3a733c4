using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// Turns <see cref="UserText"/> into a Lucene query. Each word or phrase is looked for in every text field,
/// best field wins (a title match scores well above a body match); every word must match, or any of them
/// when asked.
/// </summary>
internal sealed class QueryFactory(Analyzer analyzer)
{
    private static readonly (string Field, float Boost)[] Fields =
    [
        (IndexFields.Title, 6f),
        (IndexFields.About, 2f),
        (IndexFields.Questions, 1.5f),
        (IndexFields.Body, 1f),
    ];

    private readonly QueryBuilder builder = new(analyzer);

    /// <summary>The fields a search looks in.</summary>
    public static IEnumerable<string> SearchedFields => Fields.Select(f => f.Field);

    /// <summary>The query for the words, or null when none of them is searchable (only symbols or common words).</summary>
    public Query? Create(UserText text, Occur occur)
    {
        var query = new BooleanQuery();
        foreach (var part in text.Parts)
        {
            if (ForPart(part) is { } q)
            {
                query.Add(q, occur);
            }
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>Drafts stay out of the public search; items past their expiry (sessions that have started) out of every search.</summary>
    public static Query WithScope(Query? text, bool includeDrafts, DateTime nowUtc)
    {
        // Filtering on the stored expiry at query time, rather than removing the item when it expires, needs
        // no scheduled job and no journal entry: every instance hides it at the same moment (each with its
        // own clock) and no index is ever a poll behind. The document itself goes at the item's next change
        // or rebuild, which no longer supplies it.
        var query = new BooleanQuery
        {
            { text ?? new MatchAllDocsQuery(), Occur.MUST },
            { NumericRangeQuery.NewInt64Range(IndexFields.Expires, null, nowUtc.Ticks, true, true), Occur.MUST_NOT },
        };
        if (!includeDrafts)
        {
            query.Add(new TermQuery(new Term(IndexFields.Draft, "1")), Occur.MUST_NOT);
        }

        return query;
    }

    private DisjunctionMaxQuery? ForPart(UserTextPart part)
    {
        var best = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in Fields)
        {
            // A word that the analyzer splits ("child's-voice", a run of Chinese characters) is a phrase too.
            if (builder.CreatePhraseQuery(field, part.Text) is { } q)
            {
                q.Boost = boost;
                best.Add(q);
            }
        }

        return best.Disjuncts.Count == 0 ? null : best;
    }
}
