using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Starter;

namespace LearningPortal.Tests.Content.Starter;

public class ImportExportTests(ContentSite site, EmptyContentSite empty) : IClassFixture<ContentSite>, IClassFixture<EmptyContentSite>
{
    [Fact]
    public async Task Starter_content_is_imported_on_first_start_with_question_identities_from_the_files()
    {
        var (counts, questions) = await site.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var c = await db.Documents.Where(d => d.State == DocumentState.Published).GroupBy(d => d.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var q = await db.ReflectionQuestions.Where(r => r.Version.Document.Slug == "neglect-multi-agency-audit-2025")
                .OrderBy(r => r.Position).Select(r => r.QuestionId).ToListAsync();
            return (c.ToDictionary(x => x.Key, x => x.Count), q);
        });

        Assert.True(counts[DocumentType.LearningBriefing] >= 3);
        Assert.Equal(1, counts[DocumentType.Strategy]);
        Assert.Equal(3, counts[DocumentType.ToolkitResource]);
        Assert.Equal(3, counts[DocumentType.Page]);
        Assert.Equal(6, questions.Count);
        Assert.Equal(Guid.Parse("92a18464-f72e-4260-8c2b-69482ca6358d"), questions[0]);
        Assert.Equal(Guid.Parse("4eb12e05-eae8-4cb1-9128-0805b07e80d9"), questions[5]);
    }

    [Fact]
    public async Task Starter_recommendations_keep_the_identities_written_in_the_files_through_export()
    {
        var (ids, contentFolder) = await site.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var id = await db.Documents.Where(d => d.Slug == "neglect-audit-at-a-glance-2025").Select(d => d.Id).SingleAsync();
            var page = await sp.GetRequiredService<LearningPortal.Core.Content.Reading.ContentLibrary>().GetLatestAsync(id);
            return (((LearningBriefingFields)page!.Fields).Recommendations.Select(r => r.Id).ToList(), sp.GetRequiredService<LearningPortal.Web.Infrastructure.PortalPaths>().Content);
        });
        var file = await File.ReadAllTextAsync(Path.Combine(contentFolder, "learning", "neglect-audit-at-a-glance-2025.md"));
        var written = Regex.Matches(file, @"^  - id: (\S+)\n    text: .*\n    questionId:", RegexOptions.Multiline).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

        Assert.Equal(8, ids.Count);
        Assert.Equal(written, ids);

        var folder = Path.Combine(Path.GetTempPath(), "lp-tests", "export-" + Guid.NewGuid().ToString("N"));
        try
        {
            await site.WithAsync(sp => sp.GetRequiredService<ContentExporter>().ExportAsync(folder));
            var exported = await File.ReadAllTextAsync(Path.Combine(folder, "learning", "neglect-audit-at-a-glance-2025.md"));
            Assert.All(ids, id => Assert.Contains(id.ToString(), exported, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_published_content()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lp-tests", "export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var exported = await site.WithAsync(sp => sp.GetRequiredService<ContentExporter>().ExportAsync(folder));
            var report = await empty.WithAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(folder, Actor.System("test")));

            Assert.Empty(report.Problems);
            Assert.Equal(exported.Documents, report.Created);
            Assert.True(File.Exists(Path.Combine(folder, "learning", "neglect-multi-agency-audit-2025.md")));
            Assert.Contains("92a18464-f72e-4260-8c2b-69482ca6358d", await File.ReadAllTextAsync(Path.Combine(folder, "learning", "neglect-multi-agency-audit-2025.md")), StringComparison.Ordinal);
            Assert.Equal(await PublishedContentOf(site), await PublishedContentOf(empty));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Importing_again_leaves_existing_addresses_alone()
    {
        var paths = site.Services.GetRequiredService<LearningPortal.Web.Infrastructure.PortalPaths>();

        var report = await site.WithAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(paths.Content, Actor.System("test")));

        Assert.Equal(0, report.Created);
        Assert.Equal(0, report.MediaAdded);
        Assert.True(report.Skipped >= 11);
        Assert.Empty(report.Problems);
    }

    /// <summary>Every published document as comparable text: type, address, fields, body, question identities; media by file name and bytes.</summary>
    private static Task<List<string>> PublishedContentOf(ContentSite target) =>
        target.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var media = sp.GetRequiredService<MediaLibrary>();
            var docs = await db.Documents.AsNoTracking().Include(d => d.PublishedVersion).ThenInclude(v => v!.Questions)
                .Where(d => d.State == DocumentState.Published).ToListAsync();
            var result = new List<string>();
            foreach (var d in docs.OrderBy(d => d.Type).ThenBy(d => d.Slug))
            {
                var v = d.PublishedVersion!;
                var fields = DocumentTypes.ReadFields(d.Type, v.FieldsJson);
                var files = new List<string>();
                if (fields is ToolkitResourceFields toolkit)
                {
                    foreach (var id in toolkit.Files)
                    {
                        var opened = (await media.OpenAsync(id))!.Value;
                        await using var stream = opened.Content;
                        using var copy = new MemoryStream();
                        await stream.CopyToAsync(copy);
                        files.Add($"{opened.Item.FileName}:{opened.Item.Title}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy.ToArray()))}");
                    }

                    toolkit.Files = [];
                }

                var body = Regex.Replace(v.Body, @"/media/\d+/", "/media/N/");
                var questions = string.Join(",", v.Questions.OrderBy(q => q.Position).Select(q => $"{q.QuestionId}={q.Text}"));
                result.Add($"{d.Type}|{d.Slug}|{DocumentTypes.WriteFields(fields)}|{body}|{questions}|{string.Join(",", files)}");
            }

            return result;
        });
}
