using AngleSharp.Html.Parser;

namespace LearningPortal.Tests.Infrastructure;

/// <summary>
/// An HTTP client for the site that behaves like a browser's form handling: keeps cookies (including
/// Secure ones, which a browser allows on localhost), reads anti-forgery tokens from forms, never follows
/// redirects on its own.
/// </summary>
public sealed class PortalClient : IDisposable
{
    private readonly HttpClient http;
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    private readonly IServiceProvider? services;

    private int turn = -1;

    /// <param name="baseAddress">The site's address.</param>
    /// <param name="services">The site's services, for helpers that prepare accounts (two-factor sign-in).</param>
    public PortalClient(Uri baseAddress, IServiceProvider? services = null)
    {
        this.services = services;
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    public IReadOnlyDictionary<string, string> Cookies => cookies;

    /// <summary>
    /// Several instances of one site (the fleet tests): each request with a relative address goes to the next of these in
    /// turn, with the same cookies, as a browser behind a load balancer without sticky sessions would.
    /// </summary>
    public IReadOnlyList<Uri>? TakeTurnsAmong { get; init; }

    /// <summary>With <see cref="TakeTurnsAmong"/>: where each request went, in order.</summary>
    public List<Uri> Requested { get; } = [];

    /// <summary>The User-Agent header this client sends (none by default), to look like a particular browser.</summary>
    public string? UserAgent { get; set; }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (TakeTurnsAmong is { Count: > 0 } instances && request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(instances[++turn % instances.Count], relative);
            Requested.Add(request.RequestUri);
        }

        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (UserAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = pair[..eq];
                var value = pair[(eq + 1)..];
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
                if (expired)
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                }
            }
        }

        return response;
    }

    /// <summary>GETs a page and returns its parsed HTML, asserting 200.</summary>
    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Opens the page, fills the form (the first with a submit button, or the one matching formSelector) with
    /// the given fields on top of its existing values, and posts it with its anti-forgery token.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, IDictionary<string, string> fields, string? formSelector = null)
    {
        var page = await GetDocumentAsync(path);
        return await SubmitFormAsync(page, path, fields, formSelector);
    }

    public async Task<HttpResponseMessage> SubmitFormAsync(IHtmlDocument page, string pagePath, IDictionary<string, string> fields, string? formSelector = null)
    {
        var form = (formSelector is null
            ? page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().FirstOrDefault()
            : page.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No form on {pagePath}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (fields.ContainsKey(name))
            {
                continue;
            }

            switch (input)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    continue;
                case IHtmlInputElement i:
                    values.Add(new(name, i.Value));
                    break;
                case IHtmlTextAreaElement t:
                    values.Add(new(name, t.Value));
                    break;
                case IHtmlSelectElement s:
                    values.Add(new(name, s.Value ?? ""));
                    break;
            }
        }

        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pagePath : action;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(values) };
        return await SendAsync(request);
    }

    /// <summary>
    /// Signs in through the real sign-in form; asserts it worked. An account the tests gave an authenticator (Editors and
    /// Administrators, see PortalFactory.CreateUserAsync) also answers the second step, as its owner would.
    /// </summary>
    public async Task SignInAsync(string email, string password = TestUsers.Password)
    {
        var response = await SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var next = response.Headers.Location?.OriginalString ?? "";
        if (next.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) && TwoFactorAccounts.KeyFor(email) is { } key)
        {
            response = await SubmitFormAsync(next, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        }

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in for {email} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.True(cookies.ContainsKey("lp.auth"), "No authentication cookie after signing in");
    }

    /// <summary>
    /// Signs in with password and authenticator code through the real pages (sign-in, then the second step), giving the
    /// account an authenticator first if it has none. Returns the authenticator's Base32 key.
    /// </summary>
    public async Task<string> SignInWithTwoFactorAsync(string email, string password = TestUsers.Password)
    {
        var key = await TwoFactorAccounts.EnableAuthenticatorAsync(services ?? throw new InvalidOperationException("Create the client with site.CreatePortalClient()"), email);
        var first = await SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var secondStep = first.Headers.Location?.OriginalString ?? "";
        Assert.True(secondStep.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal), $"Sign-in for {email} went to '{secondStep}' ({(int)first.StatusCode}), not the second step");
        var second = await SubmitFormAsync(secondStep, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"Second step for {email} returned {(int)second.StatusCode}: {await second.Content.ReadAsStringAsync()}");
        Assert.True(cookies.ContainsKey("lp.auth"), "No authentication cookie after the second step");
        return key;
    }

    public void Dispose() => http.Dispose();
}
