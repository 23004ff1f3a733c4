using System.Data.Common;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Search;
using LearningPortal.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Tests.Search;

/// <summary>
/// A module's change and its search journal entry are one unit of work: a transaction that fails keeps neither,
/// and a process that dies just after its commit leaves the entry for the next start to apply.
/// </summary>
public class JournalAtomicityTests(FaultySite site) : IClassFixture<FaultySite>
{
    private static readonly Actor Editor = new("editor-1", "Edith Editor");

    [Fact]
    public async Task A_publish_whose_transaction_fails_after_its_journal_entry_is_added_keeps_neither()
    {
        var draft = await site.CreateAsync(Build.Briefing("Unkept publish briefing"));
        var before = await JournalCountAsync(site);

        site.Fault.FailNextJournalledCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => site.WithScopeAsync(sp =>
            sp.GetRequiredService<ContentPublisher>().PublishAsync(draft.DocumentId, draft.Number, Build.Editor)));

        Assert.True(site.Fault.JournalRowsInFailedTransaction > before, "the journal entry was not in the failed transaction");
        Assert.Equal(before, await JournalCountAsync(site));
        var document = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Id == draft.DocumentId));
        Assert.Null(document.PublishedVersionId);
        Assert.Equal(DocumentState.Draft, document.State);
    }

    [Fact]
    public async Task A_session_change_whose_transaction_fails_after_its_journal_entry_is_added_keeps_neither()
    {
        var session = await new TrainingData(site).SessionAsync();
        var before = await JournalCountAsync(site);

        site.Fault.FailNextJournalledCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => site.WithScopeAsync(sp =>
            sp.GetRequiredService<SessionAdministration>().UpdateAsync(session.Id, session.Version, Details(session, trainer: "Changed Trainer"), Editor)));

        Assert.True(site.Fault.JournalRowsInFailedTransaction > before, "the journal entry was not in the failed transaction");
        Assert.Equal(before, await JournalCountAsync(site));
        var saved = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id));
        Assert.Equal("Sam Trainer", saved.Trainer);
        Assert.Equal(session.Version, saved.Version);
    }

    [Fact]
    public async Task A_new_course_whose_transaction_fails_after_its_journal_entry_is_added_keeps_neither()
    {
        var before = await JournalCountAsync(site);
        var title = "Unkept course " + Guid.NewGuid().ToString("N")[..6];

        site.Fault.FailNextJournalledCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => site.WithScopeAsync(sp =>
            sp.GetRequiredService<CourseAdministration>().SaveAsync(null, CourseDetails(title), Editor)));

        Assert.True(site.Fault.JournalRowsInFailedTransaction > before, "the journal entry was not in the failed transaction");
        Assert.Equal(before, await JournalCountAsync(site));
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Courses.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task Changes_committed_just_before_the_process_died_are_indexed_when_the_site_next_starts()
    {
        var indexPath = Path.Combine(Path.GetTempPath(), "lp-tests", "restart-" + Guid.NewGuid().ToString("N"));
        var course = await new TrainingData(site).CourseAsync(c => c.Title = "Restartable course " + Guid.NewGuid().ToString("N")[..6]);
        var draft = await site.CreateAsync(Build.Briefing("Phoenix briefing about perseverance"));
        var token = "x" + Guid.NewGuid().ToString("N")[..8];
        var trainer = "Trainer " + token;
        try
        {
            await using (var dying = FaultySite.Over(site.Database, indexPath))
            {
                await ((IAsyncLifetime)dying).InitializeAsync();
                await dying.WaitUntilCaughtUpAsync();

                // The process dies after its commits: its catch-up loop never runs again, and nothing after each commit runs.
                await dying.Services.GetServices<IHostedService>().OfType<SearchCatchUp>().Single().StopAsync(CancellationToken.None);
                dying.Fault.DieAfterNextJournalledCommit();
                await Assert.ThrowsAnyAsync<Exception>(() => dying.WithScopeAsync(sp =>
                    sp.GetRequiredService<ContentPublisher>().PublishAsync(draft.DocumentId, draft.Number, Build.Editor)));
                dying.Fault.DieAfterNextJournalledCommit();
                await Assert.ThrowsAnyAsync<Exception>(() => dying.WithScopeAsync(sp =>
                    sp.GetRequiredService<SessionAdministration>().CreateAsync(course.Id, NewSession(trainer), Editor)));

                Assert.Equal(2, dying.Fault.Crashes);
                Assert.Equal(0, dying.Index.Search(new SearchQuery { Text = "perseverance" }).Total);
                Assert.Equal(0, dying.Index.Search(new SearchQuery { Text = token }).Total);
            }

            // Both changes were committed before the "crash".
            await site.WithDbAsync(async db =>
            {
                Assert.NotNull((await db.Documents.AsNoTracking().SingleAsync(d => d.Id == draft.DocumentId)).PublishedVersionId);
                Assert.True(await db.TrainingSessions.AnyAsync(s => s.Trainer == trainer));
            });

            await using var restarted = FaultySite.Over(site.Database, indexPath);
            await ((IAsyncLifetime)restarted).InitializeAsync();

            await SearchSite.WaitUntilAsync(() => restarted.Index.Search(new SearchQuery { Text = "perseverance" }).Total == 1, TimeSpan.FromSeconds(15),
                () => "the published briefing was not indexed after the restart");
            await SearchSite.WaitUntilAsync(() => restarted.Index.Search(new SearchQuery { Text = token }).Total == 1, TimeSpan.FromSeconds(15),
                () => "the new session was not indexed after the restart");
        }
        finally
        {
            if (Directory.Exists(indexPath))
            {
                Directory.Delete(indexPath, recursive: true);
            }
        }
    }

    private static Task<int> JournalCountAsync(PortalFactory site) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().SearchJournal.CountAsync());

    private static SessionDetails Details(TrainingSession s, string trainer) =>
        new(s.StartUtc, s.EndUtc, s.Format, s.Venue, s.JoiningLink, s.Capacity, s.BookingOpensUtc, s.BookingClosesUtc, trainer, s.AgencyPlaceLimit, s.RequiresManagerApproval);

    private static SessionDetails NewSession(string trainer)
    {
        var start = DateTime.UtcNow.Date.AddDays(21).AddHours(9.5);
        return new(start, start.AddHours(3), SessionFormat.InPerson, "Riverside Civic Centre", null, 12, DateTime.UtcNow.AddDays(-1), start.AddDays(-1), trainer, null, false);
    }

    private static CourseDetails CourseDetails(string title) =>
        new(title, null, "A summary.", null, "Practitioners", CourseLevel.Introductory, "Half day", null, null, false, false, true, null);
}

/// <summary>
/// The content site with a <see cref="CommitFault"/> on its database. Given another site's database and an index
/// folder, it is a further instance of the site over them (as after a restart).
/// </summary>
public class FaultySite : EmptyContentSite
{
    private readonly TestDatabase? shared;
    private readonly string? indexPath;

    public FaultySite()
    {
    }

    protected FaultySite(TestDatabase shared, string indexPath)
    {
        this.shared = shared;
        this.indexPath = indexPath;
    }

    public CommitFault Fault { get; } = new();

    public ISearchIndex Index => Services.GetRequiredService<ISearchIndex>();

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = base.ExtraSettings;
            settings["Search:PollInterval"] = "00:00:00.250";
            if (shared is not null)
            {
                settings["Database:Provider"] = shared.Provider;
                settings["Database:ConnectionString"] = shared.ConnectionString;
                settings["Search:IndexPath"] = indexPath;
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(Fault)));
    }

    /// <summary>A further instance of the site over <paramref name="shared"/>, with its index in <paramref name="indexPath"/>.</summary>
    public static FaultySite Over(TestDatabase shared, string indexPath) => new(shared, indexPath);

    /// <summary>Waits until the index is built and has applied every journal entry there is.</summary>
    public async Task WaitUntilCaughtUpAsync()
    {
        var newest = await WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().SearchJournal.MaxAsync(e => (long?)e.Id)) ?? 0;
        await SearchSite.WaitUntilAsync(() => Index.Status.State == SearchIndexState.Ready && Services.GetRequiredService<LearningPortal.Search.Lucene.LuceneSearchIndex>().JournalPosition >= newest,
            TimeSpan.FromSeconds(15), () => $"the index did not catch up: {Index.Status}");
    }
}

/// <summary>What the test makes the process "die" of, just after a commit.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);

/// <summary>
/// Fails the commit of the next transaction that holds a search journal entry, either just before it commits
/// (after the entry is written; the transaction rolls back) or just after (as if the process died there).
/// </summary>
public sealed class CommitFault : DbTransactionInterceptor
{
    private const int Off = 0;
    private const int BeforeCommit = 1;
    private const int AfterCommit = 2;
    private int armed;
    private int crashes;

    /// <summary>How many times a process "died" after a commit.</summary>
    public int Crashes => Volatile.Read(ref crashes);

    /// <summary>How many journal rows the failed transaction could see just before it failed.</summary>
    public long JournalRowsInFailedTransaction { get; private set; }

    public void FailNextJournalledCommit() => Volatile.Write(ref armed, BeforeCommit);

    public void DieAfterNextJournalledCommit() => Volatile.Write(ref armed, AfterCommit);

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        TransactionCommittingAsync(transaction, eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Journals(eventData) && Interlocked.CompareExchange(ref armed, Off, BeforeCommit) == BeforeCommit)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT COUNT(*) FROM \"SearchJournal\"";
            JournalRowsInFailedTransaction = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            throw new InvalidOperationException("The transaction failed just before it committed.");
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => DieIfArmed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DieIfArmed(eventData);
        return Task.CompletedTask;
    }

    private void DieIfArmed(TransactionEndEventData eventData)
    {
        if (Journals(eventData) && Interlocked.CompareExchange(ref armed, Off, AfterCommit) == AfterCommit)
        {
            Interlocked.Increment(ref crashes);
            throw new SimulatedCrashException("The process died just after the commit.");
        }
    }

    // Other work on the site (the outbox, jobs) commits too; only the change under test journals.
    private static bool Journals(TransactionEventData eventData) =>
        eventData.Context?.ChangeTracker.Entries<SearchJournalEntry>().Any() == true;
}
