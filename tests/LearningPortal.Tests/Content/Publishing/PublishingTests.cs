using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Settings;

namespace LearningPortal.Tests.Content.Publishing;

public class PublishingTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task Publishing_makes_the_version_live_and_raises_ContentPublished_once_after_commit()
    {
        var slug = Build.Slug("publish");
        var created = await site.CreateAsync(Build.Briefing("Published briefing"), slug);

        var live = await site.PublishAsync(created.DocumentId, 1);

        Assert.Equal(VersionStatus.Published, live.Status);
        var published = Assert.Single(site.Notifications.Published, p => p.DocumentId == created.DocumentId);
        Assert.Equal(new ContentPublished(created.DocumentId, live.Id, DocumentType.LearningBriefing, slug), published);
        using var client = site.CreatePortalClient();
        var page = await client.GetDocumentAsync("/learning/" + slug);
        Assert.Equal("Published briefing", page.QuerySelector("h1")!.TextContent.Trim());
        var audit = await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries
            .Where(a => a.SubjectType == "document" && a.SubjectId == created.DocumentId.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("content.created", audit);
        Assert.Contains("content.published", audit);
    }

    [Fact]
    public async Task Drafts_are_never_public()
    {
        var draftOnly = await site.CreateAsync(Build.Briefing("Secret draft"), Build.Slug("draft"));
        var slug = Build.Slug("live-with-draft");
        var live = await site.PublishNewAsync(Build.Briefing("Live"), slug);
        await site.SaveDraftAsync(live.DocumentId, 1, Build.Briefing("Unpublished change"), slug);
        using var client = site.CreatePortalClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/learning/" + draftOnly.Slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/learning/{slug}/versions/2")).StatusCode);
        var page = await client.GetDocumentAsync("/learning/" + slug);
        Assert.DoesNotContain("Unpublished change", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_slug_keeps_the_old_address_working_with_a_permanent_redirect()
    {
        var oldSlug = Build.Slug("old");
        var newSlug = Build.Slug("new");
        var v1 = await site.PublishNewAsync(Build.Briefing("Moving briefing"), oldSlug);
        await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing("Moving briefing"), newSlug);
        await site.PublishAsync(v1.DocumentId, 2);
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/learning/" + oldSlug);
        var versionResponse = await client.GetAsync($"/learning/{oldSlug}/versions/1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/learning/" + newSlug, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, versionResponse.StatusCode);
        Assert.Equal($"/learning/{newSlug}/versions/1", versionResponse.Headers.Location!.OriginalString);
        var redirects = await site.WithAsync(sp => sp.GetRequiredService<ContentRedirects>().ListAsync(v1.DocumentId));
        var redirect = Assert.Single(redirects);
        Assert.Equal("/learning/" + oldSlug, redirect.FromPath);

        var removed = await site.WithAsync(sp => sp.GetRequiredService<ContentRedirects>().RemoveAsync(redirect.Id, Build.Editor));
        Assert.True(removed.Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/learning/" + oldSlug)).StatusCode);
    }

    [Fact]
    public async Task Unpublishing_takes_the_page_down_and_raises_ContentUnpublished()
    {
        var slug = Build.Slug("unpublish");
        var live = await site.PublishNewAsync(Build.Strategy(), slug);

        var outcome = await site.WithAsync(sp => sp.GetRequiredService<ContentPublisher>().UnpublishAsync(live.DocumentId, Build.Editor));

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.Single(site.Notifications.Unpublished, u => u.DocumentId == live.DocumentId && u.VersionId == live.Id);
        using var client = site.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/strategy/" + slug)).StatusCode);
    }

    [Fact]
    public async Task Archiving_unpublishes_and_hides_from_the_content_list_until_restored()
    {
        var slug = Build.Slug("archive");
        var live = await site.PublishNewAsync(Build.Toolkit(), slug);

        var archived = await site.WithAsync(sp => sp.GetRequiredService<ContentPublisher>().ArchiveAsync(live.DocumentId, Build.Editor));
        var listed = await site.WithAsync(sp => sp.GetRequiredService<ContentLibrary>().SearchAsync(new ContentSearch(Text: slug)));
        var restored = await site.WithAsync(sp => sp.GetRequiredService<ContentPublisher>().RestoreAsync(live.DocumentId, Build.Editor));

        Assert.True(archived.Succeeded, archived.ToString());
        Assert.Equal(0, listed.Total);
        Assert.Equal(DocumentState.Unpublished, restored.Value!.State);
        using var client = site.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/toolkit/" + slug)).StatusCode);
    }
}

/// <summary>The review step is a site setting; this class turns it on for its own site.</summary>
public class ReviewStepTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task With_review_on_a_draft_is_submitted_and_only_another_editor_can_approve_and_publish_it()
    {
        await site.WithAsync(async sp =>
        {
            await sp.GetRequiredService<SiteSettings>().SetBoolAsync(SiteSettings.ContentRequireReview, true, "test");
            return true;
        });
        var created = await site.CreateAsync(Build.Briefing("Needs review"), actor: Build.Editor);

        var (direct, submitted, selfApproved, approved) = await site.WithAsync(async sp =>
        {
            var publisher = sp.GetRequiredService<ContentPublisher>();
            var d = await publisher.PublishAsync(created.DocumentId, 1, Build.Editor);
            var s = await publisher.SubmitForReviewAsync(created.DocumentId, 1, Build.Editor);
            var self = await publisher.PublishAsync(created.DocumentId, 1, Build.Editor);
            var a = await publisher.PublishAsync(created.DocumentId, 1, Build.OtherEditor);
            return (d, s, self, a);
        });

        Assert.Equal(Refusal.NotAllowed, direct.Refusal);
        Assert.True(submitted.Succeeded, submitted.ToString());
        Assert.Equal(Refusal.NotAllowed, selfApproved.Refusal);
        Assert.Contains("another Editor", selfApproved.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(approved.Succeeded, approved.ToString());
        Assert.Equal("Oscar Other", approved.Value!.ReviewedByName);
        Assert.Equal(VersionStatus.Published, approved.Value.Status);
    }

    [Fact]
    public async Task A_reviewer_can_send_a_version_back_with_a_note()
    {
        await site.WithAsync(async sp =>
        {
            await sp.GetRequiredService<SiteSettings>().SetBoolAsync(SiteSettings.ContentRequireReview, true, "test");
            return true;
        });
        var created = await site.CreateAsync(Build.Briefing("Sent back"), actor: Build.Editor);

        var returned = await site.WithAsync(async sp =>
        {
            var publisher = sp.GetRequiredService<ContentPublisher>();
            await publisher.SubmitForReviewAsync(created.DocumentId, 1, Build.Editor);
            return await publisher.ReturnToDraftAsync(created.DocumentId, 1, "Add the sample size", Build.OtherEditor);
        });

        Assert.True(returned.Succeeded, returned.ToString());
        Assert.Equal(VersionStatus.Draft, returned.Value!.Status);
        Assert.Equal("Add the sample size", returned.Value.ReviewNote);
    }
}
