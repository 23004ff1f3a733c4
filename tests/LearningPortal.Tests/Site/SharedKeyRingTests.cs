using Microsoft.AspNetCore.DataProtection;

namespace LearningPortal.Tests.Site;

/// <summary>A second instance of the site over another site's database, as a second web server would run.</summary>
public class SecondInstanceSite(TestDatabase shared) : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = shared.Provider,
        ["Database:ConnectionString"] = shared.ConnectionString,
    };
}

public class SharedKeyRingTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_instances_sharing_one_database_read_each_others_protected_data()
    {
        var first = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var fromFirst = first.Protect("signed in on the first server");
        await using var secondSite = new SecondInstanceSite(site.Database);
        await ((IAsyncLifetime)secondSite).InitializeAsync();
        var second = secondSite.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var readBySecond = second.Unprotect(fromFirst);
        var readByFirst = first.Unprotect(second.Protect("posted to the second server"));

        Assert.Equal("signed in on the first server", readBySecond);
        Assert.Equal("posted to the second server", readByFirst);
        var keys = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().DataProtectionKeys.CountAsync());
        Assert.Equal(1, keys);
    }
}
