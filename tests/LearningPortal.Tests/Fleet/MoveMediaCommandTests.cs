using System.Security.Cryptography;
using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Commands;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// <c>move-media-to-database</c>, the step before a single instance scales out: every file of the folder store is
/// copied into the database store under the same key and checked against the SHA-256 recorded at upload; a second run
/// moves nothing; a file that does not match is refused and the command fails.
/// </summary>
public sealed class MoveMediaCommandTests(EmptyContentSite site) : IClassFixture<EmptyContentSite>
{
    [Fact]
    public async Task Moves_every_file_into_the_database_once_and_refuses_a_file_that_does_not_match_its_upload()
    {
        byte[] first = "%PDF-1.4 first tool"u8.ToArray(), second = "%PDF-1.4 second tool"u8.ToArray();
        var a = await UploadAsync(first);
        var b = await UploadAsync(second);

        var (exit, output) = await RunAsync();
        Assert.True(exit == 0, output);
        Assert.Equal(first, await FromDatabaseAsync(a.StorageKey));
        Assert.Equal(second, await FromDatabaseAsync(b.StorageKey));

        var (again, secondOutput) = await RunAsync();
        Assert.Equal(0, again);
        Assert.Contains("Moved 0 media files", secondOutput);

        // A file changed on disk since its upload (corruption, or tampering) is not copied, and the run says so.
        var c = await UploadAsync("%PDF-1.4 third tool"u8.ToArray());
        var path = Directory.EnumerateFiles(site.MediaFolder, c.StorageKey, SearchOption.AllDirectories).Single();
        await File.WriteAllBytesAsync(path, "%PDF-1.4 not what was uploaded"u8.ToArray());
        var (failed, failedOutput) = await RunAsync();
        Assert.Equal(1, failed);
        Assert.Contains($"Media {c.Id} ({c.FileName}): the file does not match", failedOutput);
        Assert.Null(await FromDatabaseAsync(c.StorageKey));
    }

    private Task<MediaItem> UploadAsync(byte[] bytes) =>
        site.WithAsync(async sp =>
        {
            using var content = new MemoryStream(bytes);
            var outcome = await sp.GetRequiredService<MediaLibrary>().UploadAsync(new MediaUpload(content, $"Tool-{Guid.NewGuid():N}.pdf"), Build.Editor);
            Assert.True(outcome.Succeeded, outcome.ToString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), outcome.Value!.Sha256, ignoreCase: true);
            return outcome.Value!;
        });

    private Task<(int Exit, string Output)> RunAsync() =>
        site.WithAsync(async sp =>
        {
            using var output = new StringWriter();
            var exit = await MoveMediaCommand.RunAsync(sp, output);
            return (exit, output.ToString());
        });

    private Task<byte[]?> FromDatabaseAsync(string key) =>
        site.WithAsync(async sp =>
        {
            await using var stream = await sp.GetRequiredService<DatabaseMediaStore>().OpenAsync(key);
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        });
}
