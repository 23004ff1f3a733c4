namespace LearningPortal.Tests.Architecture;

/// <summary>
/// The test host turns EF Core's query warnings 10102, 10103 and 20504 into exceptions (<see cref="QueryWarnings"/>),
/// so a query that would log one fails whichever test runs it. These prove the switch is on in the real site's context.
/// </summary>
public class QueryWarningsTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Taking_rows_without_an_order_fails_in_the_test_host()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => site.WithDbAsync(db =>
            db.Agencies.Skip(1).Take(2).ToListAsync()));

        Assert.Contains("RowLimitingOperationWithoutOrderByWarning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Including_two_collections_without_a_split_choice_fails_in_the_test_host()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => site.WithDbAsync(db =>
            db.DiscussionRecords.Include(r => r.Participants).Include(r => r.Questions).ToListAsync()));

        Assert.Contains("MultipleCollectionIncludeWarning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordered_queries_run_as_before()
    {
        var agencies = await site.WithScopeAsync(sp =>
            sp.GetRequiredService<PortalDbContext>().Agencies.OrderBy(a => a.SortOrder).Take(2).ToListAsync());

        Assert.Equal(2, agencies.Count);
    }
}
