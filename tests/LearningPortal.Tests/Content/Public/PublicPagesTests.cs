using System.Xml.Linq;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Media;
using LearningPortal.Tests.Manage.Content;

namespace LearningPortal.Tests.Content.Public;

public class PublicPagesTests(ContentSite site) : IClassFixture<ContentSite>
{
    private const string Barnsley = "/learning/neglect-multi-agency-audit-2025";

    [Fact]
    public async Task A_starter_briefing_shows_every_section_numbered_recommendations_and_its_questions_for_reflection()
    {
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync(Barnsley);

        Assert.Equal("Multi-agency response to children living with neglect: audit learning briefing", page.QuerySelector("h1")!.TextContent.Trim());
        var sections = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["On this page", "Introduction", "Context", "Key lines of enquiry", "Good practice", "Areas for development", "Conclusion",
            "Recommendations", "What the partnership is doing", "Questions for reflection", "What to do now", "Related resources", "Tell us what you think"], sections);
        Assert.Equal(8, page.QuerySelectorAll("ol.lp-recommendations > li").Length);
        var questions = page.QuerySelectorAll("ol.lp-questions > li");
        Assert.Equal(6, questions.Length);
        Assert.Equal("question-92a18464-f72e-4260-8c2b-69482ca6358d", questions[0].Id);
        Assert.Contains("Last updated", page.QuerySelector(".lp-last-updated")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("section.lp-feedback-slot.lp-no-print"));
        Assert.Equal("learning", page.QuerySelector(".govuk-service-navigation__item--active a")!.TextContent.Trim().ToLowerInvariant());
    }

    [Fact]
    public async Task The_at_a_glance_sheet_pairs_each_recommendation_with_a_question_for_practice_and_keeps_the_questions_for_reflection()
    {
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync("/learning/neglect-audit-at-a-glance-2025");

        var items = page.QuerySelectorAll("ol.lp-recommendations > li");
        Assert.Equal(8, items.Length);
        Assert.All(items, li => Assert.StartsWith("Question for practice:", li.QuerySelector(".lp-question")!.TextContent.Trim(), StringComparison.Ordinal));
        // A paired question is still a question for reflection: supervisors pick from this list.
        Assert.NotNull(page.QuerySelector("#questions-for-reflection"));
        var questions = page.QuerySelectorAll("ol.lp-questions > li").Select(li => li.TextContent.Trim()).ToList();
        Assert.All(items, li => Assert.Contains(li.QuerySelector(".lp-question")!.TextContent.Trim()["Question for practice:".Length..].Trim(), questions));
        Assert.Contains(page.QuerySelectorAll(".govuk-list a, nav a"), a => a.GetAttribute("href") == "#questions-for-reflection");
    }

    [Fact]
    public async Task The_2020_audit_report_has_its_findings_action_plan_and_questions_for_reflection()
    {
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync("/learning/neglect-audit-report-2020");

        var text = page.QuerySelector("main")!.TextContent;
        foreach (var finding in new[] { "Professional curiosity", "Over-optimism and a parental focus", "Naming neglect", "Culture and identity", "Thresholds and consent",
            "Drift and delay", "Chronologies", "The toolkit left unused", "Supervision and management oversight", "escalation policy" })
        {
            Assert.Contains(finding, text, StringComparison.Ordinal);
        }

        Assert.NotNull(page.QuerySelector("#good-practice"));
        Assert.Equal(5, page.QuerySelectorAll("ol.lp-recommendations > li").Length);
        var questions = page.QuerySelectorAll("ol.lp-questions > li");
        Assert.Equal(8, questions.Length);
        Assert.Equal("question-6ea6c25f-861e-49e8-be43-997417bceab8", questions[0].Id);
        var sets = await site.WithScopeAsync(sp => sp.GetRequiredService<LearningPortal.Core.Supervision.QuestionSets>().AvailableAsync());
        Assert.Contains(sets, s => s.Title == "How neglect is identified and responded to: multi-agency audit report");
    }

    [Fact]
    public async Task The_learning_index_filters_by_theme_format_and_year_newest_first()
    {
        using var client = site.CreatePortalClient();

        var all = await client.GetDocumentAsync("/learning");
        var glance = await client.GetDocumentAsync("/learning?theme=neglect&format=at-a-glance");
        var in2021 = await client.GetDocumentAsync("/learning?year=2021");
        var none = await client.GetDocumentAsync("/learning?theme=exploitation");
        var nonsense = await client.GetDocumentAsync("/learning?theme=<b>&format=x&year=99999&page=-3");

        var titles = all.QuerySelectorAll(".lp-results__item h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(titles.IndexOf(Barnsley) < titles.IndexOf("/learning/seven-minute-briefing-neglect-2021"), "Newest audit first");
        Assert.Equal(["/learning/neglect-audit-at-a-glance-2025"], glance.QuerySelectorAll(".lp-results__item h2 a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/learning/seven-minute-briefing-neglect-2021"], in2021.QuerySelectorAll(".lp-results__item h2 a").Select(a => a.GetAttribute("href")));
        Assert.Empty(none.QuerySelectorAll(".lp-results__item"));
        Assert.Equal(titles.Count, nonsense.QuerySelectorAll(".lp-results__item").Length);
        Assert.Equal("selected", glance.QuerySelector("#format option[value='at-a-glance']")!.GetAttribute("selected"));
    }

    [Fact]
    public async Task The_learning_index_is_paged()
    {
        for (var i = 0; i < 21; i++)
        {
            await site.PublishNewAsync(Build.Briefing($"Paging {i}", f => { f.AuditDate = new DateOnly(1990, 1, 1); f.Themes = ["online-safety"]; }));
        }

        using var client = site.CreatePortalClient();
        var first = await client.GetDocumentAsync("/learning?theme=online-safety");
        var second = await client.GetDocumentAsync("/learning?theme=online-safety&page=2");

        Assert.Equal(20, first.QuerySelectorAll(".lp-results__item").Length);
        Assert.Single(second.QuerySelectorAll(".lp-results__item"));
        Assert.NotNull(first.QuerySelector("a[rel='next'][href='/learning?theme=online-safety&page=2']"));
    }

    [Fact]
    public async Task An_earlier_published_version_has_its_own_page_saying_when_it_was_current()
    {
        var slug = Build.Slug("versioned");
        var v1 = await site.PublishNewAsync(Build.Briefing("Version one wording"), slug);
        await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing("Version two wording"), slug, note: "Reworded");
        await site.PublishAsync(v1.DocumentId, 2);
        using var client = site.CreatePortalClient();

        var current = await client.GetDocumentAsync($"/learning/{slug}");
        var earlier = await client.GetDocumentAsync($"/learning/{slug}/versions/1");
        var currentByNumber = await client.GetAsync($"/learning/{slug}/versions/2");

        Assert.NotNull(current.QuerySelector($"a[href='/learning/{slug}/versions/1']"));
        var versionList = current.QuerySelector(".lp-versions")!.TextContent;
        Assert.Contains("Version 1, current from", versionList, StringComparison.Ordinal);
        Assert.DoesNotContain(" ,", versionList, StringComparison.Ordinal);
        Assert.Equal("Version one wording", earlier.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("This is version 1, current from", earlier.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, currentByNumber.StatusCode);
    }

    [Fact]
    public async Task Toolkit_resources_are_grouped_by_category_and_files_download_with_the_right_headers()
    {
        using var client = site.CreatePortalClient();

        var index = await client.GetDocumentAsync("/toolkit");
        var resource = await client.GetDocumentAsync("/toolkit/neglect-screening-tool");
        var link = resource.QuerySelector(".lp-downloads a")!.GetAttribute("href")!;
        var file = await client.GetAsync(link);

        Assert.Equal(["Screening tools", "Guidance", "Graded Care Profile 2 (GCP2)"], index.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.Matches("^/media/[0-9]+/[0-9a-f]{32}/neglect-screening-tool.pdf$", link);
        Assert.Contains("PDF", resource.QuerySelector(".lp-downloads")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("neglect-screening-tool.pdf", file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("%PDF-", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_media_file_keeps_its_address()
    {
        var item = await site.WithAsync(async sp =>
        {
            var media = sp.GetRequiredService<MediaLibrary>();
            using var first = new MemoryStream("%PDF-1.4 first"u8.ToArray());
            var uploaded = await media.UploadAsync(new MediaUpload(first, "Tool.pdf"), Build.Editor);
            using var second = new MemoryStream("%PDF-1.4 second"u8.ToArray());
            var replaced = (await media.ReplaceAsync(uploaded.Value!.Id, new MediaUpload(second, "Tool.pdf"), Build.Editor)).Value!;
            Assert.Equal(uploaded.Value.Address, replaced.Address);
            return replaced;
        });
        // Used by no published document yet, so only an Editor may download it.
        var (_, client) = await site.EditorAsync("replaced");

        var file = await client.GetAsync(item.Address);

        Assert.Equal("%PDF-1.4 second", await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_that_is_not_what_its_name_says_is_refused_and_images_need_alt_text()
    {
        var (html, image) = await site.WithAsync(async sp =>
        {
            var media = sp.GetRequiredService<MediaLibrary>();
            using var fake = new MemoryStream("<html><script>alert(1)</script></html>"u8.ToArray());
            using var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
            return (await media.UploadAsync(new MediaUpload(fake, "tool.pdf"), Build.Editor), await media.UploadAsync(new MediaUpload(png, "chart.png"), Build.Editor));
        });

        Assert.Equal(Refusal.Invalid, html.Refusal);
        Assert.Equal("File", html.Errors[0].Field);
        Assert.Equal("Enter alt text that describes the image", Assert.Single(image.Errors).Message);
    }

    [Theory]
    [InlineData("/about", "About the learning portal")]
    [InlineData("/accessibility", "Accessibility statement")]
    [InlineData("/privacy", "Privacy notice")]
    public async Task General_pages_are_served_from_the_content_engine_with_the_theme_filled_in(string path, string title)
    {
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync(path);

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Riverside Safeguarding Children Partnership", main, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_and_sitemap_list_published_content_only()
    {
        var draft = await site.CreateAsync(Build.Briefing("Draft not in feed"), Build.Slug("draft-feed"));
        using var client = site.CreatePortalClient();

        var feedResponse = await client.GetAsync("/learning/feed.xml");
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync());
        var sitemap = XDocument.Parse(await (await client.GetAsync("/sitemap.xml")).Content.ReadAsStringAsync());

        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal("application/atom+xml", feedResponse.Content.Headers.ContentType!.MediaType);
        var entries = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ToList();
        Assert.Contains(entries, e => e.EndsWith(Barnsley, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith(draft.Slug, StringComparison.Ordinal));
        var locs = sitemap.Root!.Elements(sm + "url").Select(u => new Uri(u.Element(sm + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains(Barnsley, locs);
        Assert.Contains("/toolkit/neglect-screening-tool", locs);
        Assert.Contains("/strategy/neglect-strategy", locs);
        Assert.Contains("/privacy", locs);
        Assert.DoesNotContain("/learning/" + draft.Slug, locs);
    }

    [Fact]
    public async Task The_strategy_shows_its_definition_and_five_objectives()
    {
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync("/strategy/neglect-strategy");

        Assert.Equal(5, page.QuerySelectorAll("ol.lp-objectives > li h3").Length);
        Assert.Contains("persistent failure to meet a child", page.QuerySelector("#definition ~ .govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("#measures-of-success + ul li"));
    }
}
