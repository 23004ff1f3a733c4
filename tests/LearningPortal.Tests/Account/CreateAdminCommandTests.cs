using LearningPortal.Web.Commands;

namespace LearningPortal.Tests.Account;

/// <summary>
/// <c>create-admin</c>, the operator's first step on a new deployment: it makes a working Administrator (who still
/// sets up two factors), says what it did, can be run again safely, and leaves nothing behind when it refuses.
/// </summary>
public sealed class CreateAdminCommandTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Creates_an_Administrator_in_the_named_agency_who_can_sign_in_and_is_taken_to_set_up_two_factors()
    {
        var email = TestUsers.UniqueEmail("first-admin");
        var agency = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.OrderByDescending(a => a.SortOrder).Select(a => a.Name).FirstAsync());

        var (exit, output) = await RunAsync(Password, "--email", email, "--name", "Sam Operator", "--agency", agency);

        Assert.True(exit == 0, output);
        Assert.Contains($"{email} is an Administrator.", output);
        Assert.DoesNotContain("Password (shown once", output);
        var (user, roles, agencyName, audited) = await AccountAsync(email);
        Assert.Equal("Sam Operator", user!.DisplayName);
        Assert.Equal(agency, agencyName);
        Assert.Equal([PortalRoles.Administrator, PortalRoles.Practitioner], roles.Order());
        Assert.Equal(1, audited);

        using var client = site.CreatePortalClient();
        var signIn = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/two-factor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_password_it_generates_one_and_prints_it_once()
    {
        var email = TestUsers.UniqueEmail("generated-admin");

        var (exit, output) = await RunAsync(null, "--email", email);

        Assert.True(exit == 0, output);
        var line = output.Split('\n').Single(l => l.StartsWith("Password (shown once", StringComparison.Ordinal));
        var generated = line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..].Trim();
        Assert.True(generated.Length >= 20, line);
        Assert.True(await PasswordWorksAsync(email, generated));
    }

    [Fact]
    public async Task Run_again_it_changes_nothing_and_an_existing_account_is_promoted_keeping_its_password()
    {
        var existing = TestUsers.UniqueEmail("promote-me");
        await site.CreateUserAsync(existing);

        var (first, firstOutput) = await RunAsync("a different password entirely", "--email", existing);
        var (second, secondOutput) = await RunAsync("yet another password here", "--email", existing);

        Assert.True(first == 0, firstOutput);
        Assert.True(second == 0, secondOutput);
        Assert.DoesNotContain("Created", firstOutput);
        Assert.Contains($"{existing} is already an Administrator.", secondOutput);
        var (_, roles, _, audited) = await AccountAsync(existing);
        Assert.Contains(PortalRoles.Administrator, roles);
        Assert.Equal(1, audited);
        Assert.True(await PasswordWorksAsync(existing, TestUsers.Password), "Promoting an account must not change its password");
        Assert.Equal(1, await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Users.CountAsync(u => u.Email == existing)));
    }

    [Theory]
    [InlineData("no-such-agency", 2, "There is no agency called 'Nowhere Council'")]
    [InlineData("weak-password", 1, "Could not create the account")]
    [InlineData("bad-email", 2, "Usage: create-admin")]
    public async Task A_refusal_says_why_and_leaves_no_account_behind(string kind, int expectedExit, string expectedMessage)
    {
        var email = TestUsers.UniqueEmail(kind);
        var (exit, output) = kind switch
        {
            "no-such-agency" => await RunAsync(Password, "--email", email, "--agency", "Nowhere Council"),
            "weak-password" => await RunAsync("short", "--email", email),
            _ => await RunAsync(Password, "--email", email.Replace("@", "-at-", StringComparison.Ordinal)),
        };

        Assert.Equal(expectedExit, exit);
        Assert.Contains(expectedMessage, output);
        var (user, _, _, audited) = await AccountAsync(email);
        Assert.Null(user);
        Assert.Equal(0, audited);
    }

    private Task<(int Exit, string Output)> RunAsync(string? password, params string[] args) =>
        site.WithScopeAsync(async sp =>
        {
            var options = new Dictionary<string, string>();
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                options[args[i][2..]] = args[i + 1];
            }

            using var output = new StringWriter();
            var exit = await CreateAdminCommand.RunAsync(sp, options, output, password);
            return (exit, output.ToString());
        });

    private Task<(PortalUser? User, IList<string> Roles, string? Agency, int AuditedPromotions)> AccountAsync(string email) =>
        site.WithScopeAsync<(PortalUser?, IList<string>, string?, int)>(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var db = sp.GetRequiredService<PortalDbContext>();
            var user = await users.FindByEmailAsync(email);
            var audited = await db.AuditEntries.CountAsync(e => e.Action == "user.roles.changed" && e.ActorName == "create-admin command" && e.Details.StartsWith(email));
            if (user is null)
            {
                return (null, [], null, audited);
            }

            var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleAsync();
            return (user, await users.GetRolesAsync(user), agency, audited);
        });

    private Task<bool> PasswordWorksAsync(string email, string password) =>
        site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
        });
}
