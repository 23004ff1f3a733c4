using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningPortal.Tests.Infrastructure;

/// <summary>
/// EF Core warnings that mean a query is wrong, not merely slow: paging or taking the first row without an order
/// (10102, 10103) returns an arbitrary row, and loading several collections in one query without a split-query
/// choice (20504) multiplies rows. Every test host makes them throw, so every test that runs such a query fails
/// at the query, and a test run logs none of them.
/// </summary>
public static class QueryWarnings
{
    public static DbContextOptionsBuilder ThrowOnQueryWarnings(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Throw(
            CoreEventId.RowLimitingOperationWithoutOrderByWarning,
            CoreEventId.FirstWithoutOrderByAndFilterWarning,
            RelationalEventId.MultipleCollectionIncludeWarning));
}
