using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Routing;

namespace LearningPortal.Tests.Security;

/// <summary>
/// Malformed requests answer with the right status and the GOV.UK page, never 500: a method a page does not answer is
/// 405; NUL and other control characters and invalid UTF-8 are 400, and logged; a body over the size limit is 413 with
/// the size message, on a form post and on the media upload page, over a real connection to Kestrel. Then every
/// endpoint in the authorisation matrix gets hostile values as a role allowed to use it. Malformed passkey JSON is 400.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class MalformedRequestTests(LoggedPortalFactory site) : IClassFixture<LoggedPortalFactory>
{
    private static readonly string[] Roles = ["Anonymous", PortalRoles.Practitioner, PortalRoles.Supervisor, PortalRoles.AgencyLead, PortalRoles.Editor, PortalRoles.Administrator];

    [Theory]
    [InlineData("/accessibility")]
    [InlineData("/learning/anything")]
    [InlineData("/training/anything")]
    [InlineData("/training/my/{booking}")]
    public async Task A_post_with_a_valid_token_to_a_page_that_only_reads_is_405(string path)
    {
        using var client = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("poster");
        await site.CreateUserAsync(email);
        await client.SignInAsync(email);
        path = path.Replace("{booking}", "0", StringComparison.Ordinal);

        var response = await PostWithTokenAsync(client, path, [new("anything", "1")]);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with your request", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_control_character_in_a_form_field_is_400_with_the_GOV_UK_page()
    {
        using var client = site.CreatePortalClient();
        var response = await PostWithTokenAsync(client, "/account/forgotten-password", [new("Input.Email", "someone\u0001@example.org")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with your request", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("NUL", "someone%00@example.org")]
    [InlineData("start of heading", "someone%01@example.org")]
    [InlineData("escape", "some%1Bone@example.org")]
    [InlineData("delete", "someone%7F@example.org")]
    [InlineData("C1 control", "someone%C2%85@example.org")]
    [InlineData("invalid UTF-8", "some\u00FF\u00FEone@example.org")]
    [InlineData("a UTF-8 encoded surrogate", "some\u00ED\u00A0\u0080one@example.org")]
    public async Task A_hostile_character_in_a_form_field_is_400_with_the_GOV_UK_page_and_logged(string what, string encodedEmail)
    {
        using var client = site.CreatePortalClient();
        var token = await TokenAsync(client);

        // Latin-1 sends each character below 256 as one byte: \u00FF\u00FE are the raw bytes FF FE, never UTF-8. (Percent
        // escapes of bytes that are not UTF-8 the form reader keeps as typed text, "%FF", which is harmless.)
        var body = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&Input.Email=" + encodedEmail;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgotten-password")
        {
            Content = new ByteArrayContent(Encoding.Latin1.GetBytes(body)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
        };
        var logged = site.Logs.Entries.Count;

        var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
            $"{what}: answered {(int)response.StatusCode}\n" + string.Join("\n", site.Logs.Entries.Skip(logged).Select(e => e.Message)));
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with your request", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".govuk-footer"));
        Assert.Null(page.QuerySelector("code"));
        Assert.Contains(site.Logs.Entries.Skip(logged), e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.Contains("POST /account/forgotten-password", StringComparison.Ordinal) && e.Message.Contains("400", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Entries.Skip(logged), e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task A_NUL_in_a_multipart_form_is_400_with_the_GOV_UK_page()
    {
        using var client = site.CreatePortalClient();
        var token = await TokenAsync(client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("someone\0@example.org"), "Input.Email" },
        };

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/forgotten-password") { Content = form });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with your request", (await PortalClient.ParseAsync(response)).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_form_value_over_the_form_readers_length_limit_is_413_with_the_GOV_UK_page()
    {
        using var client = site.CreatePortalClient();
        var token = await TokenAsync(client);

        // 5 MB in one field: over the form reader's 4 MB limit for one value, under Kestrel's 30 MB for the body.
        var response = await PostAsync(client, "/account/forgotten-password", [new("__RequestVerificationToken", token), new("Input.Email", new string('x', 5 * 1024 * 1024))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The file or form you sent is too large", (await PortalClient.ParseAsync(response)).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_form_post_of_200_MB_is_413_with_the_size_message_before_the_body_is_sent()
    {
        var logged = site.Logs.Entries.Count;

        var (status, page, sent) = await PostTooLargeAsync("/account/forgotten-password", "application/x-www-form-urlencoded", cookies: null);

        Assert.Equal(413, status);
        Assert.Contains("The file or form you sent is too large", page, StringComparison.Ordinal);
        Assert.Contains("The selected file must be smaller than 20 MB", page, StringComparison.Ordinal);
        Assert.True(sent < DeclaredLength / 10, $"sent {sent} bytes");
        Assert.Contains(site.Logs.Entries.Skip(logged), e => e.Message.Contains("/account/forgotten-password", StringComparison.Ordinal) && e.Message.Contains("413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_of_200_MB_to_the_media_library_is_413_with_the_upload_pages_size_message()
    {
        using var editor = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("huge-upload");
        await site.CreateUserAsync(email, TestUsers.Password, PortalRoles.Editor);
        await editor.SignInWithTwoFactorAsync(email);
        var cookies = string.Join("; ", editor.Cookies.Select(c => $"{c.Key}={c.Value}"));

        var (status, page, sent) = await PostTooLargeAsync("/manage/media/upload", "multipart/form-data; boundary=----hostile", cookies);

        Assert.Equal(413, status);
        Assert.Contains("The file or form you sent is too large", page, StringComparison.Ordinal);
        Assert.Contains("The selected file must be smaller than 20 MB", page, StringComparison.Ordinal);
        Assert.True(sent < DeclaredLength / 10, $"sent {sent} bytes");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\":1,\"response\":\"x\"}")]
    [InlineData("{\"id\":\"a\",\"rawId\":\"a\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%%%\"}}")]
    public async Task Malformed_passkey_json_at_sign_in_is_400_with_the_error_summary(string credentialJson)
    {
        using var client = site.CreatePortalClient();
        var page = await client.GetDocumentAsync("/account/sign-in");
        var token = page.QuerySelector("#passkey-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await PostAsync(client, "/account/sign-in?handler=Passkey", [new("__RequestVerificationToken", token), new("CredentialJson", credentialJson)]);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"answered {(int)response.StatusCode}");
        var answer = await PortalClient.ParseAsync(response);
        Assert.NotNull(answer.QuerySelector(".govuk-error-summary"));
    }

    [Fact]
    public async Task Hostile_values_on_every_endpoint_never_give_a_server_error()
    {
        var clients = new Dictionary<string, PortalClient> { ["Anonymous"] = site.CreatePortalClient() };
        var users = new Dictionary<string, PortalUser>();
        foreach (var role in Roles.Skip(1))
        {
            var email = TestUsers.UniqueEmail("hostile-" + role.Replace(' ', '-').ToLowerInvariant());
            users[role] = await site.CreateUserAsync(email, TestUsers.Password, role);
            var client = site.CreatePortalClient();
            await client.SignInWithTwoFactorAsync(email);
            clients[role] = client;
        }

        // Pages about one record get a real one that the role may use, so that their forms are there to attack.
        var samples = await RealSamplesAsync(users);
        var covered = new HashSet<string>(StringComparer.Ordinal);

        var megabyte = new string('x', 1024 * 1024);
        var failures = new List<string>();
        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var route in routes)
        {
            var rule = AuthorisationMatrix.Rules[route];
            var role = Roles.FirstOrDefault(r => rule.For(r) is Access.Allowed or Access.SecondFactor);
            if (role is null || Skipped(rule.SampleUrl))
            {
                continue;
            }

            var client = clients[role];
            async Task Check(string what, Func<Task<HttpResponseMessage>> send)
            {
                var response = await send();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{route} as {role}: {what} gave {(int)response.StatusCode}");
                }
            }

            var url = samples.GetValueOrDefault(route) ?? rule.SampleUrl;
            var join = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            await Check("control characters in the query", () => client.GetAsync(url + join + "q=%01%02&page=%1b&n=%00"));
            await Check("invalid UTF-8 in the query", () => client.GetAsync(url + join + "q=%FF%FE%C3%28"));
            await Check("PUT", () => client.SendAsync(new HttpRequestMessage(HttpMethod.Put, url)));
            await Check("DELETE", () => client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url)));

            var page = await client.GetAsync(url);
            var forms = new List<(string Action, List<string> Fields, string Token)>();
            if (page.StatusCode == HttpStatusCode.OK && page.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var document = await PortalClient.ParseAsync(page);
                foreach (var form in document.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
                {
                    var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
                    var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
                    var fields = form.QuerySelectorAll("input[name], textarea[name], select[name]").Select(e => e.GetAttribute("name")!)
                        .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                    if (!Skipped(action))
                    {
                        forms.Add((action, fields, token));
                    }
                }
            }

            if (forms.Count == 0)
            {
                // No form here: a post with a valid token from elsewhere still has to be answered properly.
                await Check("POST to a page without a form", () => PostWithTokenAsync(client, url, [new("field", "value")]));
                continue;
            }

            covered.Add(route);
            foreach (var (action, fields, token) in forms)
            {
                var tokenField = new KeyValuePair<string, string>("__RequestVerificationToken", token);
                await Check($"POST {action} with control characters", () => PostAsync(client, action, [tokenField, .. fields.Select(f => Pair(f, "a\u0001b\u001bc\u007f"))]));
                await Check($"POST {action} with NUL", () => PostAsync(client, action, [tokenField, .. fields.Select(f => Pair(f, "a\u0000b"))]));
                await Check($"POST {action} with 1 MB values", () => PostAsync(client, action, [tokenField, .. fields.Take(2).Select(f => Pair(f, megabyte))]));
                await Check($"POST {action} with missing fields", () => PostAsync(client, action, [tokenField]));
                await Check($"POST {action} with duplicated fields", () => PostAsync(client, action, [tokenField, .. fields.SelectMany(f => new[] { Pair(f, "1"), Pair(f, "two") })]));
                await Check($"POST {action} with invalid UTF-8", () => PostRawAsync(client, action, token, fields));
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The record pages with forms were reached with their forms (not a "not found" for a sample id).
        string[] withForms =
        [
            "/assurance/{id:int}", "/manage/actions/assurance/{id:int}", "/actions/{id:int}/update", "/manage/actions/{id:int}/change",
            "/manage/actions/plans/{id:int}/add-action", "/account/learning/{id:int}", "/account/learning/{id:int}/delete", "/account/learning/add",
            "/learning/{slug}/reflect", "/account/security", "/account/my-data", "/manage/users/{id}/personal-data",
        ];
        var missed = withForms.Where(r => !covered.Contains(r)).ToList();
        Assert.True(missed.Count == 0, "no form reached on " + string.Join(", ", missed));
    }

    /// <summary>
    /// Real records for the pages about one record: an assurance request of the Agency lead's agency, an action plan
    /// with an action the Practitioner leads, a learning activity of theirs, a published briefing, and an account (not
    /// one of the test's own, whose sessions it needs) for the Administrator's pages.
    /// </summary>
    private async Task<Dictionary<string, string>> RealSamplesAsync(Dictionary<string, PortalUser> users)
    {
        var practitioner = users[PortalRoles.Practitioner];
        var lead = users[PortalRoles.AgencyLead];
        var editor = users[PortalRoles.Editor];
        var bystander = await site.CreateUserAsync(TestUsers.UniqueEmail("hostile-bystander"));
        return await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.PortalDbContext>();
            var slug = await db.Documents.Where(d => d.Type == Core.Content.DocumentType.LearningBriefing && d.State == Core.Content.DocumentState.Published)
                .OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync();
            var today = Core.Time.UkTime.Today(DateTime.UtcNow);
            var actor = new Core.ActionPlans.ActionActor(new Core.Auditing.Actor(editor.Id, editor.DisplayName), true);
            var planning = sp.GetRequiredService<Core.ActionPlans.ActionPlanning>();
            var plan = await planning.CreatePlanAsync(new Core.ActionPlans.PlanInput("Hostile plan", null, null, false, [editor.Id]), actor);
            var action = await planning.AddActionAsync(plan.Value,
                new Core.ActionPlans.ActionInput("Hostile action", "Hostile action", null, practitioner.AgencyId, null, practitioner.Id, today.AddDays(30)), true, actor);
            var request = await sp.GetRequiredService<Core.ActionPlans.AssuranceRequests>().CreateAsync(
                new Core.ActionPlans.AssuranceRequestInput("Hostile question", false, [lead.AgencyId], today.AddDays(14), null), false, actor);
            var activity = await sp.GetRequiredService<Core.Impact.LearningRecord>().AddActivityAsync(practitioner.Id,
                new Core.Impact.LearningActivityInput("Hostile learning", today, 1, false, "What I learned", "How it changes my practice", null, false));
            Assert.Equal(Core.Common.Refusal.None, action.Refusal);
            Assert.Equal(Core.Common.Refusal.None, request.Refusal);
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["/assurance/{id:int}"] = $"/assurance/{request.Value}",
                ["/manage/actions/assurance/{id:int}"] = $"/manage/actions/assurance/{request.Value}",
                ["/actions/{id:int}"] = $"/actions/{action.Value}",
                ["/actions/{id:int}/update"] = $"/actions/{action.Value}/update",
                ["/manage/actions/{id:int}"] = $"/manage/actions/{action.Value}",
                ["/manage/actions/{id:int}/change"] = $"/manage/actions/{action.Value}/change",
                ["/manage/actions/plans/{id:int}"] = $"/manage/actions/plans/{plan.Value}",
                ["/manage/actions/plans/{id:int}/change"] = $"/manage/actions/plans/{plan.Value}/change",
                ["/manage/actions/plans/{id:int}/add-action"] = $"/manage/actions/plans/{plan.Value}/add-action",
                ["/account/learning/{id:int}"] = $"/account/learning/{activity}",
                ["/account/learning/{id:int}/delete"] = $"/account/learning/{activity}/delete",
                ["/learning/{slug}"] = $"/learning/{slug}",
                ["/learning/{slug}/reflect"] = $"/learning/{slug}/reflect",
                ["/learning/{slug}/versions/{number:int}"] = $"/learning/{slug}/versions/1",
                ["/manage/impact/briefings/{slug}"] = $"/manage/impact/briefings/{slug}",
                ["/manage/users/{id}"] = $"/manage/users/{bystander.Id}",
                ["/manage/users/{id}/roles"] = $"/manage/users/{bystander.Id}/roles",
                ["/manage/users/{id}/agency"] = $"/manage/users/{bystander.Id}/agency",
                ["/manage/users/{id}/disable"] = $"/manage/users/{bystander.Id}/disable",
                ["/manage/users/{id}/enable"] = $"/manage/users/{bystander.Id}/enable",
                ["/manage/users/{id}/reset-two-factor"] = $"/manage/users/{bystander.Id}/reset-two-factor",
                ["/manage/users/{id}/personal-data"] = $"/manage/users/{bystander.Id}/personal-data",
            };
        });
    }

    /// <summary>
    /// Forms that would end the session the rest of the test needs (signing out, deleting the account).
    /// </summary>
    private static bool Skipped(string path) =>
        path.StartsWith("/account/sign-out", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/account/delete", StringComparison.OrdinalIgnoreCase);

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await client.SendAsync(request);
    }

    /// <summary>A form body with bytes that are not UTF-8 in every value, escaped and raw.</summary>
    private static async Task<HttpResponseMessage> PostRawAsync(PortalClient client, string path, string token, IEnumerable<string> fields)
    {
        var body = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + string.Concat(fields.Select(f => "&" + Uri.EscapeDataString(f) + "=%FF%FE%C3%28%ED%A0%80\u00FF\u00FE\u00C3\u0028\u00ED\u00A0\u0080"));
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(Encoding.Latin1.GetBytes(body)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
        };
        return await client.SendAsync(request);
    }

    /// <summary>Posts the fields with a valid anti-forgery token taken from a page that has one (forgotten password).</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(PortalClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        await PostAsync(client, path, [new("__RequestVerificationToken", await TokenAsync(client)), .. fields]);

    private static async Task<string> TokenAsync(PortalClient client) =>
        (await client.GetDocumentAsync("/account/forgotten-password")).QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    /// <summary>What the over-size requests say they will send: 200 MB, over Kestrel's limit and the upload page's ceiling.</summary>
    private const long DeclaredLength = 200L * 1024 * 1024;

    /// <summary>
    /// Over a raw connection to the site's real Kestrel port (a client library would not read the answer before it had
    /// sent the whole body): headers saying 200 MB, then 1 MB of the body, then the answer is read. Returns the status,
    /// the decoded page and how many body bytes were sent.
    /// </summary>
    private async Task<(int Status, string Page, long Sent)> PostTooLargeAsync(string path, string contentType, string? cookies)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(site.BaseAddress.Host, site.BaseAddress.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {site.BaseAddress.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {DeclaredLength}\r\n"
            + (cookies is null ? "" : $"Cookie: {cookies}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        long sent = 0;
        try
        {
            for (var i = 0; i < 16; i++)
            {
                await stream.WriteAsync(chunk, timeout.Token);
                sent += chunk.Length;
            }
        }
        catch (IOException)
        {
            // The site answered and closed the connection before taking all of it: what this test hopes for.
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // Reset after the answer: the rest of the body was refused.
        }

        var all = received.ToArray();
        var split = all.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(split > 0, "no response: " + Encoding.UTF8.GetString(all));
        var headers = Encoding.ASCII.GetString(all, 0, split);
        var body = all[(split + 4)..];
        if (headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = new MemoryStream();
            var at = 0;
            while (at < body.Length)
            {
                var end = at + body.AsSpan(at).IndexOf("\r\n"u8);
                var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, end - at).Split(';')[0], 16);
                if (size == 0)
                {
                    break;
                }

                decoded.Write(body, end + 2, size);
                at = end + 2 + size + 2;
            }

            body = decoded.ToArray();
        }

        var status = int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, WebUtility.HtmlDecode(Encoding.UTF8.GetString(body)), sent);
    }
}
