using System.Globalization;

namespace LearningPortal.Core.Content.Fields;

/// <summary>One strategic objective: a short statement and what it means in practice (Markdown).</summary>
public sealed class StrategyObjective
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";
}

/// <summary>A partnership strategy such as the neglect strategy.</summary>
public sealed class StrategyFields : DocumentFields
{
    [System.Text.Json.Serialization.JsonIgnore]
    public override DocumentType Type => DocumentType.Strategy;

    public string Partnership { get; set; } = "";

    /// <summary>The definition the strategy works to (Markdown).</summary>
    public string Definition { get; set; } = "";

    public List<StrategyObjective> Objectives { get; set; } = [];

    public List<string> MeasuresOfSuccess { get; set; } = [];

    public DateOnly? ReviewDate { get; set; }

    public override void Normalise()
    {
        base.Normalise();
        Partnership = Partnership?.Trim() ?? "";
        Definition = Definition?.Trim() ?? "";
        MeasuresOfSuccess = Clean(MeasuresOfSuccess);
        Objectives = (Objectives ?? []).Where(o => o is not null && (!string.IsNullOrWhiteSpace(o.Title) || !string.IsNullOrWhiteSpace(o.Description)))
            .Select(o => new StrategyObjective { Title = o.Title?.Trim() ?? "", Description = o.Description?.Trim() ?? "" })
            .ToList();
    }

    protected override void ValidateFields(FieldErrors errors)
    {
        errors.MaxLength(Partnership, nameof(Partnership), TitleMaxLength, "Partnership");
        if (string.IsNullOrWhiteSpace(Definition))
        {
            errors.Add(nameof(Definition), "Enter the definition");
        }

        errors.Markdown(Definition, nameof(Definition), "Definition");
        if (Objectives.Count == 0)
        {
            errors.Add(nameof(Objectives), "Enter at least one objective");
        }

        for (var i = 0; i < Objectives.Count; i++)
        {
            errors.Required(Objectives[i].Title, $"{nameof(Objectives)}[{i}].Title", $"Enter objective {i + 1}", LineMaxLength, $"Objective {i + 1}");
            errors.Markdown(Objectives[i].Description, $"{nameof(Objectives)}[{i}].Description", $"Objective {i + 1} description");
        }

        errors.Lines(MeasuresOfSuccess, nameof(MeasuresOfSuccess), "Measures of success");
    }

    protected override IEnumerable<FieldText> DescribeFields()
    {
        yield return new FieldText(nameof(Partnership), "Partnership", Partnership);
        yield return new FieldText(nameof(Definition), "Definition", Definition, true);
        for (var i = 0; i < Objectives.Count; i++)
        {
            yield return new FieldText($"{nameof(Objectives)}[{i}]", $"Objective {i + 1}", Objectives[i].Title + "\n" + Objectives[i].Description, true);
        }

        yield return new FieldText(nameof(MeasuresOfSuccess), "Measures of success", Lines(MeasuresOfSuccess));
        yield return new FieldText(nameof(ReviewDate), "Review date", ReviewDate?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "");
    }
}
