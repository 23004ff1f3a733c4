using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// The index in a folder on local disk. One writer for the life of the instance; searches use near-real-time
/// readers that are refreshed only at a commit, so a half-done rebuild is never seen. The folder holds
/// derived data only: when it cannot be read it is emptied and rebuilt from the sources.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const string JournalKey = "journal";
    private const string BuiltKey = "built";
    private const string CommittedKey = "committed";

    private static readonly Sort NewestFirst = new(
        new SortField(IndexFields.Date, SortFieldType.INT64, true),
        new SortField(IndexFields.Updated, SortFieldType.INT64, true));

    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly Analyzer analyzer = PortalAnalyzers.Create();
    private readonly QueryFactory queries;
    private readonly Snippets snippets;
    private readonly SemaphoreSlim gate = new(1, 1);

    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private volatile SearcherManager? searchers;
    private volatile SearchIndexState state = SearchIndexState.Closed;
    private volatile string? problem;
    private long journalPosition;
    private DateTime? builtUtc;
    private DateTime? committedUtc;
    private bool disposed;

    public LuceneSearchIndex(string path, ILogger<LuceneSearchIndex> logger, TimeProvider clock)
    {
        Path = path;
        this.logger = logger;
        this.clock = clock;
        queries = new QueryFactory(analyzer);
        snippets = new Snippets(analyzer);
    }

    /// <summary>The index folder.</summary>
    public string Path { get; }

    public long JournalPosition => Interlocked.Read(ref journalPosition);

    /// <summary>When the index last committed a change; with the journal position, tells whether it has fallen too far behind.</summary>
    public DateTime? CommittedUtc => committedUtc;

    public SearchIndexStatus Status
    {
        get
        {
            var count = 0;
            var manager = searchers;
            if (manager is not null && state != SearchIndexState.Failed)
            {
                try
                {
                    var searcher = manager.Acquire();
                    try
                    {
                        count = searcher.IndexReader.NumDocs;
                    }
                    finally
                    {
                        manager.Release(searcher);
                    }
                }
                catch (ObjectDisposedException)
                {
                    // Closing down or reopening; report no documents.
                }
            }

            return new SearchIndexStatus(state, count, JournalPosition, builtUtc, committedUtc, problem);
        }
    }

    /// <summary>
    /// Opens the index, creating it when the folder has none and starting afresh when what is there cannot be
    /// read. Throws <see cref="LockObtainFailedException"/> when another process has it open.
    /// </summary>
    public SearchIndexOpening Open()
    {
        gate.Wait();
        try
        {
            System.IO.Directory.CreateDirectory(Path);
            directory ??= FSDirectory.Open(Path);
            if (!DirectoryReader.IndexExists(directory))
            {
                StartAfreshLocked();
                return SearchIndexOpening.Created;
            }

            try
            {
                OpenLocked(OpenMode.CREATE_OR_APPEND);
                return SearchIndexOpening.Opened;
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                logger.LogError(ex, "The search index at {Path} cannot be read; starting a new one.", Path);
                CloseLocked();
                StartAfreshLocked();
                return SearchIndexOpening.Recreated;
            }
        }
        catch (Exception ex) when (ex is not LockObtainFailedException)
        {
            state = SearchIndexState.Failed;
            problem = ex.Message;
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs Lucene's CheckIndex over the last commit; false when any segment is damaged.</summary>
    public bool Verify()
    {
        var dir = directory ?? throw new InvalidOperationException("The index is not open.");
        try
        {
            var check = new CheckIndex(dir);
            var result = check.DoCheckIndex();
            if (!result.Clean)
            {
                logger.LogError("CheckIndex found problems in the search index at {Path}.", Path);
            }

            return result.Clean;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            logger.LogError(ex, "CheckIndex could not read the search index at {Path}.", Path);
            return false;
        }
    }

    /// <summary>Empties the folder and starts an empty index (after a failed check or a failure while searching).</summary>
    public void StartAfresh()
    {
        gate.Wait();
        try
        {
            CloseLocked();
            StartAfreshLocked();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Upsert(SearchDocument document) =>
        Write(w => w.UpdateDocument(IndexFields.VersionTerm(document.Kind, document.Id, document.IsDraft), IndexFields.ToLucene(document)));

    public void Replace(string kind, string id, IReadOnlyCollection<SearchDocument> versions) =>
        Write(w =>
        {
            w.DeleteDocuments(IndexFields.KeyTerm(kind, id));
            foreach (var version in versions)
            {
                w.AddDocument(IndexFields.ToLucene(version));
            }
        });

    public void Delete(string kind, string id) => Write(w => w.DeleteDocuments(IndexFields.KeyTerm(kind, id)));

    public void Commit(long journalPosition)
    {
        gate.Wait();
        try
        {
            CommitLocked(journalPosition);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, long journalPosition, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        var before = state;
        try
        {
            var w = writer ?? throw new InvalidOperationException("The index is not open.");
            state = SearchIndexState.Building;
            w.DeleteAll();
            var count = await AddAllAsync(w, documents, cancellationToken);
            builtUtc = clock.GetUtcNow().UtcDateTime;
            CommitLocked(journalPosition);
            state = SearchIndexState.Ready;
            problem = null;
            logger.LogInformation("Search index at {Path} rebuilt with {Count} documents.", Path, count);
        }
        catch (Exception ex)
        {
            if (!disposed)
            {
                // The last commit is untouched: go back to it.
                logger.LogError(ex, "Rebuilding the search index at {Path} failed.", Path);
                try
                {
                    writer?.Rollback();
                    writer = null;
                    CloseLocked();
                    OpenLocked(OpenMode.CREATE_OR_APPEND);
                    state = before == SearchIndexState.Building ? SearchIndexState.Ready : before;
                }
                catch (Exception reopen) when (reopen is not OutOfMemoryException)
                {
                    state = SearchIndexState.Failed;
                    problem = reopen.Message;
                }
            }

            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Reads the documents on this thread and analyses them on one thread per core: IndexWriter takes
    /// documents from several threads at once, and analysis is most of the cost of a rebuild.
    /// </summary>
    private static async Task<int> AddAllAsync(IndexWriter writer, IAsyncEnumerable<SearchDocument> documents, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<SearchDocument>(new BoundedChannelOptions(256) { SingleWriter = true });
        var adders = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 4)).Select(_ => Task.Run(async () =>
        {
            var added = 0;
            try
            {
                await foreach (var document in queue.Reader.ReadAllAsync(stop.Token))
                {
                    writer.AddDocument(IndexFields.ToLucene(document));
                    added++;
                }
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }

            return added;
        }, CancellationToken.None)).ToList();

        Exception? failure = null;
        try
        {
            await foreach (var document in documents.WithCancellation(stop.Token))
            {
                await queue.Writer.WriteAsync(document, stop.Token);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            await stop.CancelAsync();
        }

        queue.Writer.TryComplete();
        await Task.WhenAll(adders).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // The first real failure, from reading or from indexing, explains the others (which are cancellations).
        var error = adders.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).Prepend(failure)
            .FirstOrDefault(e => e is not null and not OperationCanceledException) ?? failure;
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return adders.Sum(t => t.Result);
    }

    /// <summary>Marks the index as building before its first rebuild starts, so that /health says so.</summary>
    internal void MarkBuilding() => state = SearchIndexState.Building;

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
            return Search(searcher, query, text);
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

    private SearchResults Search(IndexSearcher searcher, SearchQuery query, UserText text)
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

        var (total, hits, facets) = Run(searcher, words, query);
        var anyWord = false;
        if (total == 0 && words is not null && text.Parts.Count > 1)
        {
            var any = queries.Create(text, Occur.SHOULD);
            var second = Run(searcher, any, query);
            if (second.Total > 0)
            {
                (total, hits, facets, words, anyWord) = (second.Total, second.Hits, second.Facets, any, true);
            }
        }

        var suggestion = text.Parts.Count > 0 ? SpellingSuggester.Suggest(searcher.IndexReader, text.Text, w => FindsDocuments(searcher.IndexReader, w)) : null;
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

    private static (int Total, ScoreDoc[] Hits, SearchFacets Facets) Run(IndexSearcher searcher, Query? words, SearchQuery query)
    {
        var wanted = query.Page * query.PageSize;
        ITopDocsCollector top = query.Sort == SearchSort.Newest || words is null
            ? TopFieldCollector.Create(NewestFirst, wanted, false, false, false, true)
            : TopScoreDocCollector.Create(wanted, true);
        var collector = new FacetingCollector(top, query);
        searcher.Search(QueryFactory.WithScope(words, query.IncludeDrafts), collector);
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

    private void Write(Action<IndexWriter> change)
    {
        gate.Wait();
        try
        {
            change(writer ?? throw new InvalidOperationException("The index is not open."));
        }
        finally
        {
            gate.Release();
        }
    }

    private void CommitLocked(long position)
    {
        var w = writer ?? throw new InvalidOperationException("The index is not open.");
        var now = clock.GetUtcNow().UtcDateTime;
        var data = new Dictionary<string, string>
        {
            [JournalKey] = position.ToString(CultureInfo.InvariantCulture),
            [CommittedKey] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        if (builtUtc is { } built)
        {
            data[BuiltKey] = built.ToString("O", CultureInfo.InvariantCulture);
        }

        w.SetCommitData(data);
        w.Commit();
        Interlocked.Exchange(ref journalPosition, position);
        committedUtc = now;
        searchers?.MaybeRefreshBlocking();
    }

    private void OpenLocked(OpenMode mode)
    {
        var config = new IndexWriterConfig(PortalAnalyzers.Version, analyzer)
        {
            OpenMode = mode,
            RAMBufferSizeMB = 48,
        };
        writer = new IndexWriter(directory, config);
        // Opening the reader reads every segment's header: damage shows here.
        searchers = new SearcherManager(writer, true, null);
        var data = writer.CommitData;
        Interlocked.Exchange(ref journalPosition, data.TryGetValue(JournalKey, out var j) && long.TryParse(j, CultureInfo.InvariantCulture, out var p) ? p : 0);
        builtUtc = ReadTime(data, BuiltKey);
        committedUtc = ReadTime(data, CommittedKey);
        state = SearchIndexState.Ready;
        problem = null;
    }

    private void StartAfreshLocked()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Path))
        {
            File.Delete(file);
        }

        builtUtc = null;
        OpenLocked(OpenMode.CREATE);
        CommitLocked(0);
    }

    private void CloseLocked()
    {
        var manager = searchers;
        searchers = null;
        manager?.Dispose();
        try
        {
            writer?.Rollback();
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            // A damaged index may not close cleanly; its files are about to go.
            logger.LogDebug(ex, "Closing the damaged search index at {Path}.", Path);
        }

        writer = null;
        state = SearchIndexState.Closed;
    }

    private static DateTime? ReadTime(IDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var v) && DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    /// <summary>
    /// Anything but a lock held by another process means the files cannot be used: garbage can surface as
    /// CorruptIndexException, IOException, or odd argument and range errors from the codecs.
    /// </summary>
    private static bool IsUnreadable(Exception ex) => ex is not (LockObtainFailedException or OutOfMemoryException or OperationCanceledException or ObjectDisposedException);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        // Rollback rather than close: everything meant to last was committed, and a rebuild in progress must not be.
        CloseLocked();
        directory?.Dispose();
        analyzer.Dispose();
        gate.Dispose();
    }
}

/// <summary>What opening the index found.</summary>
public enum SearchIndexOpening
{
    /// <summary>An index was there and is open.</summary>
    Opened = 0,

    /// <summary>There was none: a new, empty one was made (to be built from the sources).</summary>
    Created = 1,

    /// <summary>What was there could not be read: it was removed and a new, empty one made.</summary>
    Recreated = 2,
}
