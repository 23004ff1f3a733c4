using LearningPortal.Core.Search;
using System.Globalization;
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
public sealed partial class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const string JournalKey = "journal";
    private const string BuiltKey = "built";
    private const string CommittedKey = "committed";
    private const string LayoutKey = "layout";

    /// <summary>
    /// Raised whenever what a document holds changes, so that an index built before is rebuilt at start rather
    /// than searched without the field. 2: the expiry of sessions (<see cref="SearchDocument.ExpiresUtc"/>).
    /// </summary>
    internal const int CurrentLayout = 2;

    private static readonly Sort NewestFirst = new(
        new SortField(IndexFields.Date, SortFieldType.INT64, true),
        new SortField(IndexFields.Updated, SortFieldType.INT64, true));

    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly Analyzer analyzer = PortalAnalyzers.Create();
    private readonly QueryFactory queries;
    private readonly Snippets snippets;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ResultCache results = new();

    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private volatile SearcherManager? searchers;
    private volatile SearchIndexState state = SearchIndexState.Closed;
    private volatile string? problem;
    private long journalPosition;
    private DateTime? builtUtc;
    private DateTime? committedUtc;
    private int layout;
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

    /// <summary>Whether the index was built with the documents laid out as this version lays them out.</summary>
    public bool HasCurrentLayout => layout == CurrentLayout;

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
            directory ??= new PositionalReadDirectory(Path);
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
            var count = await ParallelIndexing.AddAllAsync(w, documents, cancellationToken);
            builtUtc = clock.GetUtcNow().UtcDateTime;
            layout = CurrentLayout;
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

    /// <summary>Marks the index as building before its first rebuild starts, so that /health says so.</summary>
    internal void MarkBuilding() => state = SearchIndexState.Building;

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
            [LayoutKey] = layout.ToString(CultureInfo.InvariantCulture),
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
        // An index from before the layout was recorded is layout 1.
        layout = data.TryGetValue(LayoutKey, out var l) && int.TryParse(l, CultureInfo.InvariantCulture, out var n) ? n : 1;
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
        layout = CurrentLayout;
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
