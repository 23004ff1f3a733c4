using System.Diagnostics;
using LearningPortal.Core.Content.Media;
using Npgsql;

namespace LearningPortal.Tests.Fleet;

/// <summary>The backup and restore docs/fleet.md describes (pg_dump custom format, pg_restore into an empty database) loses nothing.</summary>
[Trait("Kind", "Fleet")]
public sealed class BackupTests
{
    [Fact]
    public async Task A_restored_backup_has_the_same_content_files_bookings_and_records_and_search_is_rebuilt()
    {
        var word = "backupword" + Guid.NewGuid().ToString("N")[..8];
        var database = await TestDatabase.CreatePostgresAsync();
        var name = database.PostgresName!;
        var dump = Path.Combine(Path.GetTempPath(), "lp-tests", $"{name}.dump");
        Directory.CreateDirectory(Path.GetDirectoryName(dump)!);
        var file = "%PDF-1.4\n% backed up\n%%EOF\n"u8.ToArray();
        Snapshot before;
        int mediaId;
        string slug, cookie;
        var original = new BackupSite(database);
        try
        {
            await original.InitializeAsync();
            var published = await original.PublishNewAsync(Build.Briefing("Restored briefing " + word), body: "Kept in the backup.");
            slug = published.Slug;
            mediaId = await original.WithScopeAsync(async sp =>
            {
                var outcome = await sp.GetRequiredService<MediaLibrary>().UploadAsync(new MediaUpload(new MemoryStream(file), "kept.pdf", "Kept file"), Build.Editor);
                Assert.True(outcome.Succeeded, outcome.ToString());
                return outcome.Value!.Id;
            });
            var training = new TrainingData(original);
            var session = await training.SessionAsync(change: s => s.Capacity = 2);
            foreach (var person in await training.PeopleAsync(3, prefix: "backup"))
            {
                Assert.True((await training.BookAsync(session, person)).Succeeded);
            }

            var user = await original.CreateUserAsync(TestUsers.UniqueEmail("backup"));
            using var client = original.CreatePortalClient();
            await client.SignInAsync(user.Email!);
            cookie = string.Join("; ", client.Cookies.Select(c => $"{c.Key}={c.Value}"));
            before = await SnapshotAsync(original);

            await RunAsync("pg_dump", [.. Connection(), "-Fc", "-f", dump, name]);
        }
        finally
        {
            // Disposing drops the database: the wipe.
            await original.DisposeAsync();
        }

        await using (var server = new NpgsqlConnection(TestDatabase.PostgresServer + ";Database=postgres"))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        await RunAsync("pg_restore", [.. Connection(), "--no-owner", "-d", name, dump]);
        File.Delete(dump);

        // A new instance with an empty search index folder, on the restored database.
        await using var restored = new BackupSite(TestDatabase.ForPostgres(name));
        await restored.InitializeAsync();
        Assert.Equal(before, await SnapshotAsync(restored));
        var bytes = await restored.WithScopeAsync(async sp =>
        {
            var opened = await sp.GetRequiredService<MediaLibrary>().OpenAsync(mediaId);
            Assert.NotNull(opened);
            await using var stream = opened.Value.Content;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        });
        Assert.Equal(file, bytes);

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = restored.BaseAddress };
        Assert.Contains("Kept in the backup.", await http.GetStringAsync("/learning/" + slug));
        // The data-protection keys came back too: a sign-in made before the backup still works.
        using var account = new HttpRequestMessage(HttpMethod.Get, "/account");
        account.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(account)).StatusCode);
        await Eventually.TrueAsync(async () => (await http.GetStringAsync("/search?q=" + word)).Contains("/learning/" + slug, StringComparison.Ordinal),
            "the rebuilt search index finds the restored briefing", TimeSpan.FromSeconds(30));
    }

    private sealed record Snapshot(int Documents, int Versions, int Media, int Blobs, string Bookings, int Users, int AuditEntries, long LastAuditId, int Keys);

    private static Task<Snapshot> SnapshotAsync(PortalFactory site) =>
        site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var bookings = await db.Bookings.AsNoTracking().OrderBy(b => b.Id).Select(b => b.UserId + ":" + b.Status).ToListAsync();
            return new Snapshot(
                await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync(), await db.MediaItems.CountAsync(), await db.MediaBlobs.CountAsync(),
                string.Join(",", bookings), await db.Users.CountAsync(), await db.AuditEntries.CountAsync(),
                await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0, await db.DataProtectionKeys.CountAsync());
        });

    private static string[] Connection()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
        return ["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username ?? "postgres"];
    }

    private static async Task RunAsync(string tool, string[] arguments)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Last();
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(bin, "bin", tool), arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
    }

    /// <summary>The site on a given PostgreSQL database, media in the database as in a fleet.</summary>
    private sealed class BackupSite(TestDatabase database) : EmptyContentSite
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override IDictionary<string, string?> ExtraSettings
        {
            get
            {
                var settings = base.ExtraSettings;
                settings["Content:MediaStore"] = "Database";
                return settings;
            }
        }
    }
}
