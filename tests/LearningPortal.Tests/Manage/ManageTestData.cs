namespace LearningPortal.Tests.Manage;

/// <summary>Builds the accounts, agencies and audit entries the /manage tests start from, and reads back what they did.</summary>
public static class ManageTestData
{
    /// <summary>Creates an account with a given name (and optionally agency).</summary>
    public static async Task<PortalUser> CreateNamedUserAsync(this PortalFactory site, string displayName, int? agencyId = null, params string[] roles)
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("named"), TestUsers.Password, roles);
        await site.WithDbAsync(async db =>
        {
            var saved = await db.Users.SingleAsync(u => u.Id == user.Id);
            saved.DisplayName = displayName;
            saved.AgencyId = agencyId ?? saved.AgencyId;
            await db.SaveChangesAsync();
        });
        return await site.FindUserAsync(user.Id);
    }

    public static async Task<Agency> CreateAgencyAsync(this PortalFactory site, string name, bool active = true)
    {
        var agency = new Agency { Name = name, IsActive = active, SortOrder = 1000 };
        await site.WithDbAsync(async db =>
        {
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
        });
        return agency;
    }

    /// <summary>Adds <paramref name="count"/> agencies, each named <paramref name="prefix"/>, its number and a unique part, cut to <paramref name="length"/> characters.</summary>
    public static async Task<List<Agency>> CreateAgenciesAsync(this PortalFactory site, string prefix, int length, int sortOrder, int count = 3)
    {
        var agencies = Enumerable.Range(0, count).Select(i => new Agency { Name = $"{prefix} {i} {Guid.NewGuid():N}"[..length], SortOrder = sortOrder + i }).ToList();
        await site.WithDbAsync(async db =>
        {
            db.Agencies.AddRange(agencies);
            await db.SaveChangesAsync();
        });
        return agencies;
    }

    public static Task<PortalUser> FindUserAsync(this PortalFactory site, string id) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id));

    public static Task<List<string>> RolesOfAsync(this PortalFactory site, string id) =>
        site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            return (await users.GetRolesAsync((await users.FindByIdAsync(id))!)).Order(StringComparer.Ordinal).ToList();
        });

    public static Task<List<AuditEntry>> AuditEntriesAsync(this PortalFactory site, string subjectType, string subjectId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>
    /// Posts the page's form with exactly its hidden fields (anti-forgery token, concurrency stamp) and the given
    /// values; unlike <see cref="PortalClient.SubmitFormAsync(string, IDictionary{string, string}, string?)"/> a name may repeat (checkboxes).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this PortalClient client, IHtmlDocument page, string path, params (string Name, string Value)[] values)
    {
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Single(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase));
        var fields = form.QuerySelectorAll("input[type=hidden][name]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)))
            .ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await client.SendAsync(request);
    }

    /// <summary>Follows a redirect after a form post and returns the page it leads to.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this PortalClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect, got {(int)response.StatusCode}: {ErrorSummary(await PortalClient.ParseAsync(response))}");
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>The text of the GOV.UK error summary, or "" when there is none.</summary>
    public static string ErrorSummary(IHtmlDocument page) =>
        page.QuerySelector(".govuk-error-summary")?.TextContent.Trim() ?? "";

    public static string SuccessBanner(IHtmlDocument page) =>
        page.QuerySelector(".govuk-notification-banner--success")?.TextContent.Trim() ?? "";
}
