using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace LearningPortal.Search.Lucene;

/// <summary>Searching: words to a query, one pass for hits and facet counts, then snippets and "did you mean".</summary>
public sealed partial class LuceneSearchIndex
{
    /// <summary>Spelling suggestions are looked for when a search finds fewer results than this.</summary>
    internal const int SuggestBelow = 5;

    /// <summary>Whether answers are kept (see <see cref="ResultCache"/>); the benchmark turns it off to time the search itself.</summary>
    internal bool CacheResults { get; set; } = true;

    public SearchResults Search(SearchQuery query)
    {
        query = Clamp(query);
        var text = UserText.Parse(query.Text);
        if (text.Parts.Count == 0 && !query.HasCriteria)
        {
            return SearchResults.For(SearchOutcome.NothingToSearch, query);
        }

        var manager = searchers;
        if (manager is null || state == SearchIndexState.Failed)
        {
            return SearchResults.For(SearchOutcome.IndexUnavailable, query);
        }

        IndexSearcher searcher;
        try
        {
            searcher = manager.Acquire();
        }
        catch (ObjectDisposedException)
        {
            return SearchResults.For(SearchOutcome.IndexUnavailable, query);
        }

        try
        {
            // Answers are kept per reader until an item expires (see ResultCache): a search repeated before the index
            // changes is not run again.
            var key = ResultCache.Key(query);
            var nowTicks = clock.GetUtcNow().UtcTicks;
            if (CacheResults && results.TryGet(searcher.IndexReader, key, nowTicks, out var cached))
            {
                return cached;
            }

            var answer = Search(searcher, query, text, new DateTime(nowTicks, DateTimeKind.Utc));
            results.Add(searcher.IndexReader, key, nowTicks, answer);
            return answer;
        }
        catch (ObjectDisposedException)
        {
            // Lucene.Net reports a reader closed by a rebuild or shutdown this way.
            return SearchResults.For(SearchOutcome.IndexUnavailable, query);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            // Found while reading: the catch-up loop starts a new index and rebuilds it.
            logger.LogError(ex, "The search index at {Path} failed while searching.", Path);
            state = SearchIndexState.Failed;
            problem = ex.Message;
            return SearchResults.For(SearchOutcome.IndexUnavailable, query);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    private SearchResults Search(IndexSearcher searcher, SearchQuery query, UserText text, DateTime now)
    {
        Query? words = null;
        if (text.Parts.Count > 0)
        {
            words = queries.Create(text, Occur.MUST);
            if (words is null && !query.HasFilters())
            {
                return SearchResults.For(SearchOutcome.NoSearchableWords, query) with { TextShortened = text.Shortened };
            }
        }

        var (total, hits, facets) = Run(searcher, words, query, now);
        var anyWord = false;
        if (total == 0 && words is not null && text.Parts.Count > 1)
        {
            var any = queries.Create(text, Occur.SHOULD);
            var second = Run(searcher, any, query, now);
            if (second.Total > 0)
            {
                (total, hits, facets, words, anyWord) = (second.Total, second.Hits, second.Facets, any, true);
            }
        }

        // "Did you mean" only where it can help: few results, or only some of the words found. With plenty of results the
        // words were understood, and looking up every word's near neighbours would cost more than the search itself.
        var suggestion = text.Parts.Count > 0 && (total < SuggestBelow || anyWord)
            ? SpellingSuggester.Suggest(searcher.IndexReader, text.Text, w => FindsDocuments(searcher.IndexReader, w))
            : null;
        var highlights = snippets.For(words);
        var page = hits.Select(h => ToHit(searcher, h, highlights)).ToList();
        return new SearchResults
        {
            Outcome = SearchOutcome.Results,
            Total = total,
            Hits = page,
            Facets = facets,
            Suggestion = suggestion,
            Page = query.Page,
            PageSize = query.PageSize,
            TextShortened = text.Shortened,
            MatchedAnyWord = anyWord,
        };
    }

    /// <summary>Whether the word, analysed as a search is (stemmed), is in any searched field; common words count as found.</summary>
    private bool FindsDocuments(IndexReader reader, string word)
    {
        var terms = new List<string>();
        using (var tokens = analyzer.GetTokenStream(IndexFields.Body, word))
        {
            var term = tokens.AddAttribute<global::Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            tokens.Reset();
            while (tokens.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            tokens.End();
        }

        return terms.Count == 0 || terms.Any(t => QueryFactory.SearchedFields.Any(f => reader.DocFreq(new Term(f, t)) > 0));
    }

    private static (int Total, ScoreDoc[] Hits, SearchFacets Facets) Run(IndexSearcher searcher, Query? words, SearchQuery query, DateTime nowUtc)
    {
        var wanted = query.Page * query.PageSize;
        ITopDocsCollector top = query.Sort == SearchSort.Newest || words is null
            ? TopFieldCollector.Create(NewestFirst, wanted, false, false, false, true)
            : TopScoreDocCollector.Create(wanted, true);
        var collector = new FacetingCollector(top, query);
        searcher.Search(QueryFactory.WithScope(words, query.IncludeDrafts, nowUtc), collector);
        var page = top.GetTopDocs((query.Page - 1) * query.PageSize, query.PageSize).ScoreDocs;
        return (collector.Total, page, collector.Facets());
    }

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc hit, Snippets.Highlights highlights)
    {
        var d = IndexFields.FromLucene(searcher.Doc(hit.Doc));
        var (titleHtml, snippetHtml) = highlights.For(d);
        return new SearchHit
        {
            Kind = d.Kind,
            Id = d.Id,
            Url = SiteRelative(d.Url),
            Title = d.Title,
            TitleHtml = titleHtml,
            SnippetHtml = snippetHtml,
            Themes = d.Themes,
            Format = d.Format,
            Date = d.Date,
            UpdatedUtc = d.UpdatedUtc,
            IsDraft = d.IsDraft,
        };
    }

    // A result links within the site only: never to javascript: or another host.
    private static string SiteRelative(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "#";

    private static SearchQuery Clamp(SearchQuery query)
    {
        var size = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        return query with { PageSize = size, Page = Math.Clamp(query.Page, 1, 10_000 / size) };
    }
}
