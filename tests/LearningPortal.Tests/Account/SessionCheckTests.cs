using LearningPortal.Tests.Manage;

namespace LearningPortal.Tests.Account;

/// <summary>The site with sessions re-checked every 6 seconds, so a passed check stands for 3 (half the interval).</summary>
public sealed class SessionCheckSite : PortalFactory
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Accounts:SessionRecheckInterval"] = "00:00:06",
    };
}

/// <summary>
/// The session check's short memory (SessionChecks): requests that find a session due share one database check, yet an
/// account changed on another instance still loses its sessions within the re-check interval.
/// </summary>
public class SessionCheckTests(SessionCheckSite site) : IClassFixture<SessionCheckSite>
{
    [Fact]
    public async Task A_stamp_changed_on_another_instance_ends_the_session_within_the_interval_though_a_check_passed_here_moments_ago()
    {
        var (user, client) = await site.SignedInAsync("rechecked", PortalRoles.Practitioner);
        // A client that, like a second tab racing the first, keeps sending the cookie it had rather than the re-issued one.
        var dueCookie = $"lp.auth={client.Cookies["lp.auth"]}";
        await Task.Delay(SessionCheckSite.Interval + TimeSpan.FromMilliseconds(300));

        var checkedAgainstDatabase = await GetAsync(dueCookie);
        // Another instance changes the account (a new password there): straight in the database, unheard of here.
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))));
        var answeredFromTheCheck = await GetAsync(dueCookie);
        await Task.Delay(SessionCheckSite.Interval / 2 + TimeSpan.FromMilliseconds(300));
        var afterTheCheckLapsed = await GetAsync(dueCookie);

        Assert.Equal(HttpStatusCode.OK, checkedAgainstDatabase.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answeredFromTheCheck.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterTheCheckLapsed.StatusCode);
        Assert.StartsWith("/account/sign-in", afterTheCheckLapsed.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_made_on_this_instance_ends_the_session_at_its_next_check_without_waiting_for_the_memory_to_lapse()
    {
        var (user, client) = await site.SignedInAsync("changed", PortalRoles.Practitioner);
        var dueCookie = $"lp.auth={client.Cookies["lp.auth"]}";
        await Task.Delay(SessionCheckSite.Interval + TimeSpan.FromMilliseconds(300));
        var checkedAgainstDatabase = await GetAsync(dueCookie);

        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The account is gone.");
            account.IsDisabled = true;
            return await users.UpdateSecurityStampAsync(account);
        });
        var afterDisabling = await GetAsync(dueCookie);

        Assert.Equal(HttpStatusCode.OK, checkedAgainstDatabase.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterDisabling.StatusCode);
        Assert.StartsWith("/account/sign-in", afterDisabling.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }
}
