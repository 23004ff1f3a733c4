using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Tests.Site;

/// <summary>
/// Test-only: /test/throw is the home page with a filter that throws, so the failure happens inside the site's
/// pipeline, after its exception handler, as a real bug in a page would. (Middleware from an IStartupFilter would
/// run before the exception handler and so never reach the branded page.)
/// </summary>
public class ThrowingSite : PortalFactory
{
    public const string ThrowPath = "/test/throw";
    public const string SecretDetail = "Connection string Password=hunter2 leaked";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Index", ThrowPath.TrimStart('/'));
            o.Conventions.AddPageApplicationModelConvention("/Index", page => page.Filters.Add(new ThrowOnTestPath()));
        }));
    }

    private sealed class ThrowOnTestPath : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.Path == ThrowPath
                ? throw new InvalidOperationException(SecretDetail)
                : next();
    }
}

public class ErrorPagesTests(ThrowingSite site) : IClassFixture<ThrowingSite>
{
    [Fact]
    public async Task Unhandled_error_shows_the_branded_page_with_a_reference_and_no_stack_trace()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync(ThrowingSite.ThrowPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Riverside Safeguarding Children Partnership", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main code"));
        Assert.DoesNotContain(ThrowingSite.SecretDetail, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("LearningPortal.Tests", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Home_page_itself_is_unaffected_by_the_test_failure_route()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/learning/no-such-briefing")]
    [InlineData("/manage/no-such-page")]
    [InlineData("/themes/no-such-theme/theme.css")]
    public async Task Unknown_address_gets_the_branded_not_found_page_with_the_security_headers(string path)
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Riverside Safeguarding Children Partnership", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main code"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
