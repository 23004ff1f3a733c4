using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LearningPortal.Core.Feedback;

/// <summary>
/// Imports the starter forms (content/feedback/*.yml) when the database has no form yet. A file looks like:
/// <code>
/// name: Briefing feedback
/// slug: briefing-feedback
/// anonymous: true
/// intro: ...
/// questions:
///   - type: rating | agreement | single-choice | multiple-choice | yes-no | short-text | long-text | confidence-pair
///     text: ...
///     help: ...
///     required: true
///     options: [ ... ]   # choice questions only
/// </code>
/// </summary>
public class FeedbackStarterForms(PortalDbContext db, TimeProvider clock, ILogger<FeedbackStarterForms> logger)
{
    public async Task<int> ImportIfEmptyAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder) || await db.FeedbackForms.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var now = clock.GetUtcNow().UtcDateTime;
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var starter = deserializer.Deserialize<StarterForm>(await File.ReadAllTextAsync(file, cancellationToken));
            var form = new FeedbackForm
            {
                Name = starter.Name.Trim(),
                Slug = starter.Slug.Trim(),
                IsAnonymous = starter.Anonymous,
                AsksAgency = starter.Anonymous && starter.AskAgency,
                Intro = starter.Intro.Trim(),
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            if (!FeedbackForms.IsValidSlug(form.Slug) || form.Name.Length == 0)
            {
                logger.LogWarning("Starter feedback form {File} has no valid name or slug; skipped.", file);
                continue;
            }

            var order = 0;
            foreach (var q in starter.Questions)
            {
                var type = Enum.Parse<FeedbackQuestionType>(q.Type.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                var draft = new QuestionDraft(type, q.Text, q.Help, q.Required, q.Options).Normalised();
                var errors = draft.Validate();
                if (errors.Count > 0)
                {
                    logger.LogWarning("Starter feedback form {File}: question '{Text}' skipped ({Error}).", file, q.Text, errors[0].Message);
                    continue;
                }

                form.Questions.Add(FeedbackForms.NewRow(draft, Guid.NewGuid(), ++order, now));
            }

            // Starter forms are ready to answer; a form only opens with a question.
            form.State = form.Questions.Count > 0 ? FeedbackFormState.Open : FeedbackFormState.Draft;
            db.FeedbackForms.Add(form);
            imported++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Imported {Count} starter feedback forms.", imported);
        return imported;
    }

    private sealed class StarterForm
    {
        public string Name { get; set; } = "";

        public string Slug { get; set; } = "";

        public bool Anonymous { get; set; }

        /// <summary>"ask-agency: true": an anonymous form asks, optionally, which agency the person works for.</summary>
        public bool AskAgency { get; set; }

        public string Intro { get; set; } = "";

        public List<StarterQuestion> Questions { get; set; } = [];
    }

    private sealed class StarterQuestion
    {
        public string Type { get; set; } = "";

        public string Text { get; set; } = "";

        public string Help { get; set; } = "";

        public bool Required { get; set; }

        public List<string> Options { get; set; } = [];
    }
}
