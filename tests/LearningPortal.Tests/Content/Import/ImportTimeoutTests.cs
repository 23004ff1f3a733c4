using LearningPortal.Core.Content.Import;
using LearningPortal.Tests.ImportFixtures;
using LearningPortal.Tests.Manage.Content;
using LearningPortal.Tests.Manage.MediaLibrary;

namespace LearningPortal.Tests.Content.Import;

/// <summary><c>Content:Import:Timeout</c> comes from configuration: an import still reading after it gets a clear message and creates nothing.</summary>
public class ImportTimeoutTests(ImpatientImportSite site) : IClassFixture<ImpatientImportSite>
{
    [Fact]
    public async Task An_import_that_reads_for_longer_than_the_configured_timeout_is_stopped_with_a_message_and_creates_nothing()
    {
        var (_, editor) = await site.EditorAsync("import-timeout");
        Assert.Equal(TimeSpan.FromTicks(1), await site.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DocumentImporter>().Limits.Timeout)));
        var before = await CountsAsync();

        // A long PDF: reading it takes far longer than the tick this site allows.
        var response = await editor.UploadAsync("/manage/content/import", "long-briefing.pdf", PdfWriter.Write(Fixtures.AuditBriefing(), repeat: 10),
            new Dictionary<string, string> { ["Input.Target"] = "new" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await PortalClient.ParseAsync(response)).QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#Input-File", summary.GetAttribute("href"));
        Assert.Equal(ImportMessages.TimedOut, summary.TextContent.Trim());
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Documents, int Media)> CountsAsync() =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            return (await db.Documents.CountAsync(), await db.MediaItems.CountAsync());
        });
}
