using MimeKit;

namespace LearningPortal.Tests.Account;

/// <summary>What the account tests share: form fields, the links in account emails, and reading error summaries.</summary>
internal static partial class AccountTestData
{
    public static async Task<int> AgencyIdAsync(this PortalFactory site, string name = "Police")
    {
        var id = 0;
        await site.WithDbAsync(async db => id = await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
        return id;
    }

    public static Dictionary<string, string> NewAccountFields(string email, string password, int agencyId, string name = "Sam Taylor") => new()
    {
        ["Input.FullName"] = name,
        ["Input.Email"] = email,
        ["Input.AgencyId"] = agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.JobRole"] = "Health visitor",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>Creates an account through the form and returns the confirmation link emailed to it.</summary>
    public static async Task<string> CreateAccountThroughFormAsync(this PortalFactory site, PortalClient client, string email, string password = TestUsers.Password)
    {
        var response = await client.SubmitFormAsync("/account/create", NewAccountFields(email, password, await site.AgencyIdAsync()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await site.Smtp.WaitForMessageAsync(m => IsTo(m, email) && m.Subject == "Confirm your email address");
        return LinkIn(message, "/account/confirm-email");
    }

    public static Task<MimeMessage> WaitForEmailAsync(this PortalFactory site, string to, string subject) =>
        site.Smtp.WaitForMessageAsync(m => IsTo(m, to) && m.Subject == subject);

    public static bool IsTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The absolute link to the given path in the message's text.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var link = Url().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(l => new Uri(l).AbsolutePath == path);
        Assert.True(link is not null, $"No link to {path} in:\n{message.TextBody}");
        return link;
    }

    /// <summary>Posts the page's form with every visible field empty.</summary>
    public static async Task<HttpResponseMessage> SubmitEmptyFormAsync(this PortalClient client, string path)
    {
        var page = await client.GetDocumentAsync(path);
        var blanks = page.QuerySelectorAll("main form input[name], main form select[name], main form textarea[name]")
            .Where(e => e.GetAttribute("type") != "hidden")
            .Select(e => e.GetAttribute("name")!)
            .Distinct()
            .ToDictionary(n => n, _ => "");
        return await client.SubmitFormAsync(page, path, blanks);
    }

    public static async Task<IHtmlDocument> ExpectPageAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the page again, got {(int)response.StatusCode} {response.Headers.Location}");
        return await PortalClient.ParseAsync(response);
    }

    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    public static string? FieldValue(this IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']")?.GetAttribute("value");

    public static string Heading(this IHtmlDocument page) => page.QuerySelector("h1")!.TextContent.Trim();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
