using LearningPortal.Web.Commands;
using LearningPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace LearningPortal.Tests.Account;

/// <summary>The site in the Development environment, as <c>dotnet run</c> starts it: it makes the demo accounts.</summary>
public sealed class DevelopmentSite : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environments.Development);
    }
}

/// <summary>
/// In Development the demo accounts come with two-factor sign-in on and a printed authenticator key, so supervision
/// can be tried at once; `demo-accounts` prints them again. Outside Development none of it runs.
/// </summary>
public class DemoAccountsTests(DevelopmentSite development, PortalFactory testing)
    : IClassFixture<DevelopmentSite>, IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_demo_accounts_command_prints_details_that_sign_in_with_two_factors_and_open_supervision()
    {
        var output = new StringWriter();
        var exit = await development.WithScopeAsync(sp =>
            DemoAccountsCommand.RunAsync(sp, sp.GetRequiredService<IHostEnvironment>(), output));

        Assert.Equal(0, exit);
        var supervisor = DemoAccounts.EmailFor(PortalRoles.Supervisor);
        var line = output.ToString().Split('\n').Single(l => l.Contains(supervisor, StringComparison.Ordinal));
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var password = words[2];
        var key = words[^1];

        using var client = development.CreatePortalClient();
        var first = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = supervisor,
            ["Input.Password"] = password,
        });
        var secondStep = first.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith("/account/sign-in/two-factor", secondStep, StringComparison.Ordinal);
        var second = await client.SubmitFormAsync(secondStep, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var recording = await client.GetAsync("/supervision/recording/new");
        Assert.Equal(HttpStatusCode.OK, recording.StatusCode);
    }

    [Fact]
    public async Task Development_start_makes_one_demo_account_per_role_with_two_factor_sign_in_on()
    {
        await development.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            foreach (var role in PortalRoles.All)
            {
                var user = await users.FindByEmailAsync(DemoAccounts.EmailFor(role));
                Assert.NotNull(user);
                Assert.True(await users.IsInRoleAsync(user, role));
                Assert.True(await users.GetTwoFactorEnabledAsync(user));
                Assert.False(string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)));
            }

            return true;
        });
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_development_the_command_refuses_and_creates_nothing(string environmentName)
    {
        var output = new StringWriter();
        var environment = new HostingEnvironment { EnvironmentName = environmentName };

        var exit = await testing.WithScopeAsync(sp => DemoAccountsCommand.RunAsync(sp, environment, output));

        Assert.Equal(2, exit);
        Assert.DoesNotContain(DemoAccounts.Domain, output.ToString(), StringComparison.Ordinal);
        await AssertNoDemoAccountsAsync();
    }

    [Fact]
    public async Task Outside_development_the_service_refuses_even_when_called_directly()
    {
        // The site under test runs as "Testing", like production: no demo account was made at start either.
        await AssertNoDemoAccountsAsync();

        await testing.WithScopeAsync(async sp =>
        {
            var demo = sp.GetRequiredService<DemoAccounts>();
            await Assert.ThrowsAsync<InvalidOperationException>(demo.CreateMissingAsync);
            await Assert.ThrowsAsync<InvalidOperationException>(demo.CreateOrResetAsync);
            return true;
        });
        await AssertNoDemoAccountsAsync();
    }

    private async Task AssertNoDemoAccountsAsync() =>
        await testing.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            foreach (var role in PortalRoles.All)
            {
                Assert.Null(await users.FindByEmailAsync(DemoAccounts.EmailFor(role)));
            }

            return true;
        });
}
