using LearningPortal.Core.Content.Media;
using LearningPortal.Tests.Manage.Content;

namespace LearningPortal.Tests.Security;

/// <summary>
/// Media files reach the public only once a published document uses them; until then only Editors download them; the
/// address carries a random key, so it cannot be guessed from the sequential id.
/// </summary>
public class MediaAccessTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task A_file_only_a_draft_uses_is_for_editors_and_public_once_the_draft_is_published()
    {
        var item = await UploadAsync();
        var fields = Build.Briefing("Briefing with a file");
        var draft = await site.CreateAsync(fields, body: $"See [the tool]({item.Address}).");
        using var anonymous = site.CreatePortalClient();
        var (_, editor) = await site.EditorAsync("media-access");

        var beforeAnonymous = await anonymous.GetAsync(item.Address);
        var beforeOldAddress = await anonymous.GetAsync($"/media/{item.Id}/{item.FileName}");
        var beforeEditor = await editor.GetAsync(item.Address);
        await site.PublishAsync(draft.DocumentId, draft.Number);
        var afterAnonymous = await anonymous.GetAsync(item.Address);
        var afterOldAddress = await anonymous.GetAsync($"/media/{item.Id}/{item.FileName}");

        Assert.Equal(HttpStatusCode.NotFound, beforeAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beforeOldAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeEditor.StatusCode);
        Assert.Contains("no-store", beforeEditor.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterAnonymous.StatusCode);
        Assert.Contains("public", afterAnonymous.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterOldAddress.StatusCode);
        Assert.Equal(item.Address, afterOldAddress.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unused_file_is_not_public_and_a_wrong_key_finds_nothing_even_for_editors()
    {
        var item = await UploadAsync();
        using var anonymous = site.CreatePortalClient();
        var (_, editor) = await site.EditorAsync("media-key");

        var unused = await anonymous.GetAsync(item.Address);
        var wrongKey = await editor.GetAsync($"/media/{item.Id}/{new string('0', 32)}/{item.FileName}");
        var sequential = await anonymous.GetAsync($"/media/{item.Id}/{item.FileName}");

        Assert.Equal(HttpStatusCode.NotFound, unused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sequential.StatusCode);
        Assert.Matches("^/media/[0-9]+/[0-9a-f]{32}/tool-[0-9a-f]+\\.pdf$", item.Address);
    }

    private Task<MediaItem> UploadAsync() =>
        site.WithAsync(async sp =>
        {
            using var pdf = new MemoryStream("%PDF-1.4 private draft file"u8.ToArray());
            var outcome = await sp.GetRequiredService<MediaLibrary>().UploadAsync(new MediaUpload(pdf, $"Tool-{Guid.NewGuid():N}.pdf"), Build.Editor);
            Assert.True(outcome.Succeeded, outcome.ToString());
            return outcome.Value!;
        });
}
