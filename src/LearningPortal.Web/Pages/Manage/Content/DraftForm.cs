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
    public string? Slug { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string? Note { get; set; }

    public string? Partnership { get; set; }

    /// <summary>When the audit took place: month and year are enough (stored as the 1st of the month).</summary>
    public MonthYearInput Audit { get; set; } = new();

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

    /// <summary>
    /// Measures of success, one a line; "3: ..." or "1, 5: ..." attaches a measure to the objectives (by number) it measures.
    /// </summary>
    public string? MeasuresOfSuccess { get; set; }

    /// <summary>The objectives' identities as they were (hidden field): "id title" a line, so an objective keeps its identity when reworded.</summary>
    public string? ObjectiveKeys { get; set; }

    public DateInput Review { get; set; } = new();

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
                form.Audit = MonthYearInput.From(b.AuditDate);
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
                form.MeasuresOfSuccess = string.Join('\n', s.MeasuresOfSuccess.Select(m =>
                    s.Objectives.Select((o, i) => (o, i)).Where(x => x.o.Measures.Contains(m, StringComparer.Ordinal)).Select(x => x.i + 1).ToList() is { Count: > 0 } numbers
                        ? $"{string.Join(", ", numbers)}: {m}"
                        : m));
                form.ObjectiveKeys = string.Join('\n', s.Objectives.Select(o => $"{o.Id} {o.Title}"));
                form.Review = DateInput.From(s.ReviewDate);
                break;
            case ToolkitResourceFields t:
                form.Category = ContentNames.Key(t.Category);
                form.Files = t.Files.Select(f => f.ToString(CultureInfo.InvariantCulture)).ToList();
                form.RelatedBriefings = string.Join('\n', t.RelatedBriefings);
                break;
        }

        return form;
    }

    /// <summary>
    /// Ends each list with one blank row, so a new question or recommendation can be typed in at once (unless the
    /// list is at its maximum). "Add another" adds more.
    /// </summary>
    public void AddBlankRows()
    {
        if (Questions.Count < LearningBriefingFields.MaxQuestions && (Questions.Count == 0 || !string.IsNullOrWhiteSpace(Questions[^1].Text)))
        {
            Questions = [.. Questions, new QuestionRow()];
        }

        if (Recommendations.Count < LearningBriefingFields.MaxRecommendations && (Recommendations.Count == 0 || !string.IsNullOrWhiteSpace(Recommendations[^1].Text)))
        {
            Recommendations = [.. Recommendations, new RecommendationRow()];
        }
    }

    /// <summary>
    /// Applies a row button (GOV.UK "add another", without JavaScript): "add-question", "remove-question-2",
    /// "up-question-2", and the same for "recommendation". Rows keep their ids (hidden fields) and their order;
    /// a recommendation's pairing follows its question when questions are removed or moved. Returns false when
    /// <paramref name="intent"/> is not a row button.
    /// </summary>
    public bool ApplyRowCommand(string? intent)
    {
        var parts = (intent ?? "").Split('-');
        if (parts.Length is < 2 or > 3 || parts[0] is not ("add" or "remove" or "up") || parts[1] is not ("question" or "recommendation"))
        {
            return false;
        }

        var index = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (parts[1] == "question")
        {
            var numbers = Enumerable.Range(0, Questions.Count).ToList();
            Apply(parts[0], Questions, index, LearningBriefingFields.MaxQuestions, numbers);

            // Pairings are by question number: renumber them to follow their question (or drop it with a removed one).
            var renumber = numbers.Select((old, now) => (old, now)).ToDictionary(x => x.old + 1, x => x.now + 1);
            foreach (var r in Recommendations)
            {
                r.QuestionNumber = int.TryParse(r.QuestionNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && renumber.TryGetValue(q, out var moved)
                    ? moved.ToString(CultureInfo.InvariantCulture)
                    : null;
            }
        }
        else
        {
            Apply(parts[0], Recommendations, index, LearningBriefingFields.MaxRecommendations, []);
        }

        return true;
    }

    /// <summary>Adds, removes or moves up a row; <paramref name="order"/> (old positions) is changed the same way.</summary>
    private static void Apply<T>(string command, List<T> rows, int index, int max, List<int> order)
        where T : new()
    {
        switch (command)
        {
            case "add" when rows.Count < max:
                rows.Add(new T());
                break;
            case "remove" when index >= 0 && index < rows.Count:
                rows.RemoveAt(index);
                if (order.Count > index)
                {
                    order.RemoveAt(index);
                }

                break;
            case "up" when index > 0 && index < rows.Count:
                (rows[index - 1], rows[index]) = (rows[index], rows[index - 1]);
                if (order.Count > index)
                {
                    (order[index - 1], order[index]) = (order[index], order[index - 1]);
                }

                break;
        }
    }

    /// <summary>
    /// The typed form as a draft. Problems the fields classes cannot see (a date that is not a date, a number
    /// that is not a number) are added to <paramref name="errors"/> with the form's own keys.
    /// </summary>
    public DraftInput ToDraft(DocumentType type, List<FieldError> errors)
    {
        var fields = DocumentTypes.NewFields(type);
        fields.Title = Title ?? "";
        fields.Summary = Summary ?? "";
        switch (fields)
        {
            case LearningBriefingFields b:
                b.Partnership = Partnership ?? "";
                b.AuditDate = DateFrom(Audit, nameof(Audit), "Date of the audit", errors);
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
                StrategyObjectiveKeys.Apply(s, ObjectiveKeys, LinesOf(MeasuresOfSuccess));
                s.ReviewDate = DateFrom(Review, nameof(Review), "Review date", errors);
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
            "AuditDate" => nameof(Audit),
            "ReviewDate" => nameof(Review),
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

    /// <summary>A date from its boxes; empty is left to the fields' own rules (the audit date is required, the review date is not).</summary>
    private static DateOnly? DateFrom(DateInputParts input, string key, string label, List<FieldError> errors)
    {
        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var date = input switch
        {
            MonthYearInput m => m.Read(state, key, label, required: false),
            DateInput d => d.Read(state, key, label, required: false),
            _ => null,
        };
        errors.AddRange(state.Values.Where(v => v.Errors.Count > 0).Select(v => new FieldError(key, v.Errors[0].ErrorMessage)));
        return date;
    }

    private static int? NumberFrom(string? value, string key, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(new FieldError(key, $"{label} must be a whole number"));
        return null;
    }

    private static List<string> LinesOf(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
