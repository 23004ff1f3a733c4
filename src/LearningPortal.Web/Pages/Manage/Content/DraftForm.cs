using System.Globalization;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Publishing;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>A question for reflection as the editor form carries it: its identity travels in a hidden field.</summary>
public sealed class QuestionRow
{
    public string? Id { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// A recommendation row. Its question for practice (the at-a-glance pairing) is chosen by the question's
/// number in the form, so a question typed in the same save can be paired at once.
/// </summary>
public sealed class RecommendationRow
{
    /// <summary>The recommendation's identity (hidden field), empty for a new one.</summary>
    public string? Id { get; set; }

    public string? Text { get; set; }

    /// <summary>The paired question's position in the form's question rows (1-based), or empty for none.</summary>
    public string? QuestionNumber { get; set; }
}

/// <summary>
/// The editor form for every document type, as strings, so that whatever was typed comes back on an error.
/// Lists of plain lines are textareas with one item per line; questions and recommendations are repeated inputs
/// so that a question keeps its identity across saves.
/// </summary>
public sealed class DraftForm
{
    /// <summary>Blank rows offered for new questions and recommendations.</summary>
    public const int SpareRows = 3;

    public string? Slug { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string? Note { get; set; }

    public string? Partnership { get; set; }

    public string? AuditDay { get; set; }

    public string? AuditMonth { get; set; }

    public string? AuditYear { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Format { get; set; }

    public string? SampleFamilies { get; set; }

    public string? SampleChildren { get; set; }

    public string? AgenciesInvolved { get; set; }

    public string? KeyLinesOfEnquiry { get; set; }

    public string? GoodPractice { get; set; }

    public string? AreasForDevelopment { get; set; }

    public string? Conclusion { get; set; }

    public List<RecommendationRow> Recommendations { get; set; } = [];

    public List<QuestionRow> Questions { get; set; } = [];

    public string? WhatToDoNow { get; set; }

    public string? RelatedResources { get; set; }

    /// <summary>The web address (slug) of the feedback form shown at the end; empty for the default.</summary>
    public string? FeedbackForm { get; set; }

    public string? Definition { get; set; }

    /// <summary>Strategy objectives, one a line: "Title: what it means".</summary>
    public string? Objectives { get; set; }

    public string? MeasuresOfSuccess { get; set; }

    public string? ReviewDay { get; set; }

    public string? ReviewMonth { get; set; }

    public string? ReviewYear { get; set; }

    public string? Category { get; set; }

    /// <summary>Chosen media library ids, in the library's order.</summary>
    public List<string> Files { get; set; } = [];

    public string? RelatedBriefings { get; set; }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ThemeItems =>
        LearningThemes.All.Select(t => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(t.Name, t.Key));

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> FormatItems =>
        ContentNames.Formats.Select(f => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(f.Name, f.Key));

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> CategoryItems =>
        ContentNames.Categories.Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Name, c.Key));

    public static DraftForm From(DocumentFields fields, string slug, string body)
    {
        var form = new DraftForm { Slug = slug, Title = fields.Title, Summary = fields.Summary, Body = body };
        switch (fields)
        {
            case LearningBriefingFields b:
                form.Partnership = b.Partnership;
                (form.AuditDay, form.AuditMonth, form.AuditYear) = Parts(b.AuditDate);
                form.Themes = [.. b.Themes];
                form.Format = ContentNames.Key(b.Format);
                form.SampleFamilies = b.SampleFamilies?.ToString(CultureInfo.InvariantCulture);
                form.SampleChildren = b.SampleChildren?.ToString(CultureInfo.InvariantCulture);
                form.AgenciesInvolved = string.Join('\n', b.AgenciesInvolved);
                form.KeyLinesOfEnquiry = string.Join('\n', b.KeyLinesOfEnquiry);
                form.GoodPractice = b.GoodPractice;
                form.AreasForDevelopment = b.AreasForDevelopment;
                form.Conclusion = b.Conclusion;
                form.Recommendations = b.Recommendations.Select(r => new RecommendationRow
                {
                    Id = r.Id.ToString(),
                    Text = r.Text,
                    QuestionNumber = r.QuestionId is { } q && b.Questions.FindIndex(x => x.Id == q) is >= 0 and var at
                        ? (at + 1).ToString(CultureInfo.InvariantCulture)
                        : null,
                }).ToList();
                form.Questions = b.Questions.Select(q => new QuestionRow { Id = q.Id.ToString(), Text = q.Text }).ToList();
                form.WhatToDoNow = b.WhatToDoNow;
                form.RelatedResources = b.RelatedResources;
                form.FeedbackForm = b.FeedbackForm;
                break;
            case StrategyFields s:
                form.Partnership = s.Partnership;
                form.Definition = s.Definition;
                form.Objectives = string.Join('\n', s.Objectives.Select(o => string.IsNullOrEmpty(o.Description) ? o.Title : $"{o.Title}: {o.Description}"));
                form.MeasuresOfSuccess = string.Join('\n', s.MeasuresOfSuccess);
                (form.ReviewDay, form.ReviewMonth, form.ReviewYear) = Parts(s.ReviewDate);
                break;
            case ToolkitResourceFields t:
                form.Category = ContentNames.Key(t.Category);
                form.Files = t.Files.Select(f => f.ToString(CultureInfo.InvariantCulture)).ToList();
                form.RelatedBriefings = string.Join('\n', t.RelatedBriefings);
                break;
        }

        return form;
    }

    /// <summary>Adds blank rows so new questions and recommendations can be typed in.</summary>
    public void AddSpareRows()
    {
        // Rows are only ever appended: posted values are matched back to rows by position.
        Questions = [.. Questions, .. Enumerable.Range(0, SpareRows).Select(_ => new QuestionRow())];
        Recommendations = [.. Recommendations, .. Enumerable.Range(0, SpareRows).Select(_ => new RecommendationRow())];
    }

    /// <summary>
    /// The typed form as a draft. Problems the fields classes cannot see (a date that is not a date, a number
    /// that is not a number) are added to <paramref name="errors"/> with the form's own keys.
    /// </summary>
    public DraftInput ToDraft(DocumentType type, List<ContentError> errors)
    {
        var fields = DocumentTypes.NewFields(type);
        fields.Title = Title ?? "";
        fields.Summary = Summary ?? "";
        switch (fields)
        {
            case LearningBriefingFields b:
                b.Partnership = Partnership ?? "";
                b.AuditDate = DateFrom(AuditDay, AuditMonth, AuditYear, nameof(AuditDay), "Date of the audit", errors);
                b.Themes = [.. Themes];
                b.Format = ContentNames.Formats.FirstOrDefault(f => f.Key == Format).Format;
                b.SampleFamilies = NumberFrom(SampleFamilies, nameof(SampleFamilies), "Number of families", errors);
                b.SampleChildren = NumberFrom(SampleChildren, nameof(SampleChildren), "Number of children", errors);
                b.AgenciesInvolved = LinesOf(AgenciesInvolved);
                b.KeyLinesOfEnquiry = LinesOf(KeyLinesOfEnquiry);
                b.GoodPractice = GoodPractice ?? "";
                b.AreasForDevelopment = AreasForDevelopment ?? "";
                b.Conclusion = Conclusion ?? "";
                // A question keeps the id it came with; a new one gets a fresh id now, so a pairing can point at it.
                var rows = Questions.Select(q => string.IsNullOrWhiteSpace(q.Text)
                    ? null
                    : new QuestionField { Id = Guid.TryParse(q.Id, out var id) ? id : Guid.NewGuid(), Text = q.Text! }).ToList();
                b.Questions = rows.OfType<QuestionField>().ToList();
                b.Recommendations = Recommendations.Where(r => !string.IsNullOrWhiteSpace(r.Text))
                    .Select(r => new RecommendationField { Id = Guid.TryParse(r.Id, out var id) ? id : Guid.Empty, Text = r.Text!, QuestionId = PairedQuestion(r, rows) })
                    .ToList();
                b.WhatToDoNow = WhatToDoNow ?? "";
                b.RelatedResources = RelatedResources ?? "";
                b.FeedbackForm = FeedbackForm ?? "";
                break;
            case StrategyFields s:
                s.Partnership = Partnership ?? "";
                s.Definition = Definition ?? "";
                s.Objectives = LinesOf(Objectives).Select(line =>
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    return colon < 0
                        ? new StrategyObjective { Title = line }
                        : new StrategyObjective { Title = line[..colon].Trim(), Description = line[(colon + 1)..].Trim() };
                }).ToList();
                s.MeasuresOfSuccess = LinesOf(MeasuresOfSuccess);
                s.ReviewDate = DateFrom(ReviewDay, ReviewMonth, ReviewYear, nameof(ReviewDay), "Review date", errors);
                break;
            case ToolkitResourceFields t:
                t.Category = ContentNames.Categories.FirstOrDefault(c => c.Key == Category).Category;
                t.Files = Files.Select(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();

                t.RelatedBriefings = LinesOf(RelatedBriefings);
                break;
        }

        return new DraftInput((Slug ?? "").Trim().ToLowerInvariant(), fields, Body ?? "", string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
    }

    /// <summary>The form field a service error belongs to, as a ModelState key ("" for the whole form).</summary>
    public static string KeyFor(string field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        if (field.StartsWith("Fields.", StringComparison.Ordinal))
        {
            field = field["Fields.".Length..];
        }

        // Questions[2].Text and Recommendations[0].Text are form rows too; other list items point at the textarea.
        if (field.StartsWith("Questions[", StringComparison.Ordinal) || field.StartsWith("Recommendations[", StringComparison.Ordinal))
        {
            return "Input." + (field.EndsWith(".Id", StringComparison.Ordinal) || field.EndsWith(".QuestionId", StringComparison.Ordinal)
                ? field[..field.LastIndexOf('.')] + (field.EndsWith(".QuestionId", StringComparison.Ordinal) ? ".QuestionNumber" : ".Text")
                : field);
        }

        var name = field.Split('[', '.')[0];
        name = name switch
        {
            "AuditDate" => nameof(AuditDay),
            "ReviewDate" => nameof(ReviewDay),
            _ => name,
        };
        return typeof(DraftForm).GetProperty(name) is null ? "" : "Input." + name;
    }

    /// <summary>Items for a recommendation's "question for practice" select: every question row typed so far, by number.</summary>
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> QuestionChoices() =>
        Questions.Select((q, i) => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(
            string.IsNullOrWhiteSpace(q.Text) ? $"Question {i + 1} (a new question)" : $"Question {i + 1}: {Shorten(q.Text)}",
            (i + 1).ToString(CultureInfo.InvariantCulture)));

    private static Guid? PairedQuestion(RecommendationRow row, List<QuestionField?> questionRows) =>
        int.TryParse(row.QuestionNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= questionRows.Count
            ? questionRows[n - 1]?.Id
            : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static (string?, string?, string?) Parts(DateOnly? date) => date is { } d
        ? (d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture))
        : (null, null, null);

    private static DateOnly? DateFrom(string? day, string? month, string? year, string key, string label, List<ContentError> errors)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return null;
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        errors.Add(new ContentError(key, $"{label} must be a real date"));
        return null;
    }

    private static int? NumberFrom(string? value, string key, string label, List<ContentError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(new ContentError(key, $"{label} must be a whole number"));
        return null;
    }

    private static List<string> LinesOf(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
