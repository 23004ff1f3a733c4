using System.Globalization;

namespace LearningPortal.Core.Content.Fields;

/// <summary>A question for reflection. <see cref="Id"/> is its identity across versions; a new question gets one when first saved.</summary>
public sealed class QuestionField
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>
/// A numbered recommendation; on an "at a glance" sheet it can be paired with one of the briefing's questions.
/// <see cref="Id"/> is its identity across versions and reordering (action plans refer to it); a new recommendation
/// gets one when first saved.
/// </summary>
public sealed class RecommendationField
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The <see cref="QuestionField.Id"/> of the question for practice that goes with it.</summary>
    public Guid? QuestionId { get; set; }
}

/// <summary>Learning from a multi-agency audit: an audit learning briefing, a 7-minute briefing, an "at a glance" sheet or an audit report.</summary>
public sealed class LearningBriefingFields : DocumentFields
{
    public const int MaxQuestions = 20;
    public const int MaxRecommendations = 30;

    [System.Text.Json.Serialization.JsonIgnore]
    public override DocumentType Type => DocumentType.LearningBriefing;

    /// <summary>The partnership that ran the audit, e.g. "Riverside Safeguarding Children Partnership".</summary>
    public string Partnership { get; set; } = "";

    /// <summary>When the audit took place (shown as month and year).</summary>
    public DateOnly? AuditDate { get; set; }

    /// <summary>Theme keys from <see cref="LearningThemes"/>.</summary>
    public List<string> Themes { get; set; } = [];

    public BriefingFormat Format { get; set; } = BriefingFormat.AuditLearningBriefing;

    public int? SampleFamilies { get; set; }

    public int? SampleChildren { get; set; }

    public List<string> AgenciesInvolved { get; set; } = [];

    public List<string> KeyLinesOfEnquiry { get; set; } = [];

    public string GoodPractice { get; set; } = "";

    public string AreasForDevelopment { get; set; } = "";

    public string Conclusion { get; set; } = "";

    public List<RecommendationField> Recommendations { get; set; } = [];

    public List<QuestionField> Questions { get; set; } = [];

    public string WhatToDoNow { get; set; } = "";

    public string RelatedResources { get; set; } = "";

    /// <summary>
    /// The slug of the feedback form the briefing shows (the feedback module fills the slot): empty for the default form,
    /// <see cref="NoFeedbackForm"/> for none. The content editor checks that a named form exists.
    /// </summary>
    public string FeedbackForm { get; set; } = "";

    /// <summary>The <see cref="FeedbackForm"/> value of a briefing that asks for no feedback; never a form's slug (slugs start with a letter or number).</summary>
    public const string NoFeedbackForm = "-";

    /// <summary>Whether <see cref="FeedbackForm"/> names a particular form (neither the default nor none).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NamesFeedbackForm => FeedbackForm.Length > 0 && FeedbackForm != NoFeedbackForm;

    public override void Normalise()
    {
        base.Normalise();
        Partnership = Partnership?.Trim() ?? "";
        Themes = Clean(Themes).Select(t => t.ToLowerInvariant()).Distinct().ToList();
        AgenciesInvolved = Clean(AgenciesInvolved);
        KeyLinesOfEnquiry = Clean(KeyLinesOfEnquiry);
        GoodPractice = GoodPractice?.Trim() ?? "";
        AreasForDevelopment = AreasForDevelopment?.Trim() ?? "";
        Conclusion = Conclusion?.Trim() ?? "";
        WhatToDoNow = WhatToDoNow?.Trim() ?? "";
        RelatedResources = RelatedResources?.Trim() ?? "";
        FeedbackForm = FeedbackForm?.Trim() ?? "";
        Recommendations = (Recommendations ?? []).Where(r => r is not null && !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => new RecommendationField { Id = r.Id, Text = r.Text.Trim(), QuestionId = r.QuestionId == Guid.Empty ? null : r.QuestionId })
            .ToList();
        Questions = (Questions ?? []).Where(q => q is not null && !string.IsNullOrWhiteSpace(q.Text))
            .Select(q => new QuestionField { Id = q.Id, Text = q.Text.Trim() })
            .ToList();
    }

    protected override void ValidateFields(FieldErrors errors)
    {
        errors.Required(Partnership, nameof(Partnership), "Enter the partnership that ran the audit", TitleMaxLength, "Partnership");
        if (AuditDate is null)
        {
            errors.Add(nameof(AuditDate), "Enter the date of the audit");
        }

        if (Themes.Count == 0)
        {
            errors.Add(nameof(Themes), "Select at least one theme");
        }

        foreach (var theme in Themes.Where(t => !LearningThemes.IsKnown(t)))
        {
            errors.Add(nameof(Themes), $"Select a theme from the list ('{theme}' is not one)");
        }

        if (!Enum.IsDefined(Format))
        {
            errors.Add(nameof(Format), "Select the format");
        }

        if (SampleFamilies is < 0 or > 100_000)
        {
            errors.Add(nameof(SampleFamilies), "Number of families must be between 0 and 100,000");
        }

        if (SampleChildren is < 0 or > 100_000)
        {
            errors.Add(nameof(SampleChildren), "Number of children must be between 0 and 100,000");
        }

        errors.Lines(AgenciesInvolved, nameof(AgenciesInvolved), "Agencies involved");
        errors.Lines(KeyLinesOfEnquiry, nameof(KeyLinesOfEnquiry), "Key lines of enquiry");
        errors.Markdown(GoodPractice, nameof(GoodPractice), "Good practice");
        errors.Markdown(AreasForDevelopment, nameof(AreasForDevelopment), "Areas for development");
        errors.Markdown(Conclusion, nameof(Conclusion), "Conclusion");
        errors.Markdown(WhatToDoNow, nameof(WhatToDoNow), "What to do now");
        errors.Markdown(RelatedResources, nameof(RelatedResources), "Related resources");
        errors.MaxLength(FeedbackForm, nameof(FeedbackForm), 100, "Feedback form");
        ValidateQuestions(errors);
        ValidateRecommendations(errors);
    }

    private void ValidateQuestions(FieldErrors errors)
    {
        if (Questions.Count > MaxQuestions)
        {
            errors.Add(nameof(Questions), $"A briefing can have {MaxQuestions} questions for reflection or fewer");
        }

        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < Questions.Count; i++)
        {
            var q = Questions[i];
            errors.MaxLength(q.Text, $"{nameof(Questions)}[{i}].Text", LineMaxLength, $"Question {i + 1}");
            if (q.Id != Guid.Empty && !seen.TryAdd(q.Id, i))
            {
                errors.Add($"{nameof(Questions)}[{i}].Id", $"Question {i + 1} has the same identity as question {seen[q.Id] + 1}");
            }
        }
    }

    private void ValidateRecommendations(FieldErrors errors)
    {
        if (Recommendations.Count > MaxRecommendations)
        {
            errors.Add(nameof(Recommendations), $"A briefing can have {MaxRecommendations} recommendations or fewer");
        }

        var questionIds = Questions.Select(q => q.Id).ToHashSet();
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < Recommendations.Count; i++)
        {
            var r = Recommendations[i];
            errors.MaxLength(r.Text, $"{nameof(Recommendations)}[{i}].Text", LineMaxLength, $"Recommendation {i + 1}");
            if (r.Id != Guid.Empty && !seen.TryAdd(r.Id, i))
            {
                errors.Add($"{nameof(Recommendations)}[{i}].Id", $"Recommendation {i + 1} has the same identity as recommendation {seen[r.Id] + 1}");
            }

            if (r.QuestionId is { } id && !questionIds.Contains(id))
            {
                errors.Add($"{nameof(Recommendations)}[{i}].QuestionId", $"Recommendation {i + 1} is paired with a question that is not in this briefing");
            }
        }
    }

    protected override IEnumerable<FieldText> DescribeFields()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        yield return new FieldText(nameof(Partnership), "Partnership", Partnership);
        yield return new FieldText(nameof(AuditDate), "Date of the audit", AuditDate?.ToString("d MMMM yyyy", culture) ?? "");
        yield return new FieldText(nameof(Themes), "Themes", Lines(Themes.Select(LearningThemes.NameOf)));
        yield return new FieldText(nameof(Format), "Format", Enum.IsDefined(Format) ? ContentNames.Name(Format) : "");
        yield return new FieldText(nameof(SampleFamilies), "Families in the sample", SampleFamilies?.ToString(culture) ?? "");
        yield return new FieldText(nameof(SampleChildren), "Children in the sample", SampleChildren?.ToString(culture) ?? "");
        yield return new FieldText(nameof(AgenciesInvolved), "Agencies involved", Lines(AgenciesInvolved));
        yield return new FieldText(nameof(KeyLinesOfEnquiry), "Key lines of enquiry", Lines(KeyLinesOfEnquiry));
        yield return new FieldText(nameof(GoodPractice), "Good practice", GoodPractice, true);
        yield return new FieldText(nameof(AreasForDevelopment), "Areas for development", AreasForDevelopment, true);
        yield return new FieldText(nameof(Conclusion), "Conclusion", Conclusion, true);
        yield return new FieldText(nameof(Recommendations), "Recommendations", Lines(Recommendations.Select((r, i) =>
            $"{i + 1}. {r.Text}" + (r.QuestionId is { } q ? $" (question for practice: {Questions.FindIndex(x => x.Id == q) + 1})" : ""))));
        yield return new FieldText(nameof(Questions), "Questions for reflection", Lines(Questions.Select((q, i) => $"{i + 1}. {q.Text}")));
        yield return new FieldText(nameof(WhatToDoNow), "What to do now", WhatToDoNow, true);
        yield return new FieldText(nameof(RelatedResources), "Related resources", RelatedResources, true);
        yield return new FieldText(nameof(FeedbackForm), "Feedback form", FeedbackForm == NoFeedbackForm ? "None" : FeedbackForm);
    }

    /// <summary>The question paired with a recommendation, if any.</summary>
    public QuestionField? PairedQuestion(RecommendationField recommendation) =>
        recommendation.QuestionId is { } id ? Questions.FirstOrDefault(q => q.Id == id) : null;

    internal override void CopyListing(Document document)
    {
        base.CopyListing(document);
        document.ListingFormat = ContentNames.Key(Format);
        document.ListingThemes = "|" + string.Join("|", Themes) + "|";
        document.ListingDate = AuditDate;
    }
}
