using System.Globalization;

namespace LearningPortal.Core.Content.Fields;

/// <summary>
/// One strategic objective: a short statement and what it means in practice (Markdown). <see cref="Id"/> is its identity
/// across revisions of the strategy (plans, briefings and courses are linked to it); a new objective gets one when first
/// saved. <see cref="Measures"/> are the measures of success that measure it (each also in the strategy's list).
/// </summary>
public sealed class StrategyObjective
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public List<string> Measures { get; set; } = [];

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
            .Select(o => new StrategyObjective { Id = o.Id, Title = o.Title?.Trim() ?? "", Description = o.Description?.Trim() ?? "", Measures = Clean(o.Measures) })
            .ToList();

        // A measure attached to an objective is one of the strategy's measures of success.
        foreach (var measure in Objectives.SelectMany(o => o.Measures).Where(m => !MeasuresOfSuccess.Contains(m, StringComparer.Ordinal)).Distinct().ToList())
        {
            MeasuresOfSuccess.Add(measure);
        }
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
            if (Objectives[i].Id != Guid.Empty && Objectives.FindIndex(o => o.Id == Objectives[i].Id) is var first && first < i)
            {
                errors.Add($"{nameof(Objectives)}[{i}].Id", $"Objective {i + 1} has the same identity as objective {first + 1}");
            }
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
