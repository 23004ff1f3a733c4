using Microsoft.AspNetCore.Routing;

namespace LearningPortal.Tests.Security;

/// <summary>
/// Every endpoint the site maps, tried as anonymous and as each role. An endpoint missing from
/// <see cref="AuthorisationMatrix.Rules"/> fails the test, so every new page has to say who may use it.
/// </summary>
public class AuthorisationMatrixTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private static readonly string[] Roles = ["Anonymous", PortalRoles.Practitioner, PortalRoles.Supervisor, PortalRoles.Editor, PortalRoles.Administrator, PortalRoles.AgencyLead];

    [Fact]
    public void Every_mapped_endpoint_is_in_the_matrix()
    {
        var missing = MappedRoutes().Where(r => !AuthorisationMatrix.Rules.ContainsKey(r)).ToList();

        Assert.True(missing.Count == 0, "Endpoints missing from AuthorisationMatrix.Rules (say who may use them):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_matrix_has_no_rows_for_endpoints_that_no_longer_exist()
    {
        var mapped = MappedRoutes().ToHashSet();
        var stale = AuthorisationMatrix.Rules.Keys.Where(k => !mapped.Contains(k)).ToList();

        Assert.True(stale.Count == 0, "Rows for endpoints that are not mapped:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Each_role_gets_the_expected_outcome_on_every_endpoint()
    {
        var clients = new Dictionary<string, PortalClient> { ["Anonymous"] = site.CreatePortalClient() };
        foreach (var role in Roles.Skip(1))
        {
            var email = TestUsers.UniqueEmail(role.ToLowerInvariant().Replace(' ', '-'));
            await site.CreateUserAsync(email, TestUsers.Password, role);
            var client = site.CreatePortalClient();
            await client.SignInAsync(email);
            clients[role] = client;
        }

        var failures = new List<string>();
        foreach (var route in MappedRoutes())
        {
            var rule = AuthorisationMatrix.Rules[route];
            foreach (var role in Roles)
            {
                var expected = rule.For(role);
                var response = await clients[role].GetAsync(rule.SampleUrl);
                var actual = Classify(response);
                if (actual != expected)
                {
                    failures.Add($"{route} as {role}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Access Classify(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return Access.Forbidden;
        }

        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode == HttpStatusCode.Redirect
            && (location.StartsWith("/account/two-factor", StringComparison.Ordinal) || location.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal)))
        {
            return Access.SecondFactor;
        }

        if (response.StatusCode == HttpStatusCode.Redirect
            && location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase))
        {
            return Access.SignIn;
        }

        return (int)response.StatusCode >= 500 ? Access.ServerError : Access.Allowed;
    }

    private IEnumerable<string> MappedRoutes() =>
        site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .OrderBy(r => r, StringComparer.Ordinal);
}
