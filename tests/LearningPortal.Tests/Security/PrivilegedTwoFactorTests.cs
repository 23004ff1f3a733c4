using LearningPortal.Web.Infrastructure;

namespace LearningPortal.Tests.Security;

/// <summary>Administrators, Editors and Agency leads sign in with two factors; someone given one of these roles sets it up at their next sign-in.</summary>
public class PrivilegedTwoFactorTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(PortalRoles.Editor, "/manage/content")]
    [InlineData(PortalRoles.Administrator, "/manage/users")]
    [InlineData(PortalRoles.AgencyLead, "/assurance")]
    public async Task Someone_given_a_privileged_role_is_taken_to_set_up_two_factors_at_sign_in(string role, string page)
    {
        var email = TestUsers.UniqueEmail("promoted");
        await site.CreateUserWithoutSecondFactorAsync(email, TestUsers.Password, role);
        using var client = site.CreatePortalClient();

        var signIn = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });
        var backOffice = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/two-factor?returnUrl=", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, backOffice.StatusCode);
        Assert.StartsWith("/account/two-factor?returnUrl=", backOffice.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_privileged_session_that_used_a_second_factor_opens_the_back_office()
    {
        var email = TestUsers.UniqueEmail("editor-2fa");
        await site.CreateUserWithoutSecondFactorAsync(email, TestUsers.Password, PortalRoles.Editor);
        using var client = site.CreatePortalClient();

        await client.SignInWithTwoFactorAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage/content")).StatusCode);
    }

    [Fact]
    public async Task A_practitioner_signs_in_with_a_password_alone()
    {
        var email = TestUsers.UniqueEmail("practitioner");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();

        var signIn = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });

        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }
}
