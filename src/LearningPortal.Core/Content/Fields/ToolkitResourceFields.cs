namespace LearningPortal.Core.Content.Fields;

/// <summary>A tool or guidance in the toolkit: a short description around files from the media library.</summary>
public sealed class ToolkitResourceFields : DocumentFields
{
    [System.Text.Json.Serialization.JsonIgnore]
    public override DocumentType Type => DocumentType.ToolkitResource;

    public ToolkitCategory Category { get; set; } = ToolkitCategory.Other;

    /// <summary>Media library items to download, in order.</summary>
    public List<int> Files { get; set; } = [];

    /// <summary>Slugs of related learning briefings.</summary>
    public List<string> RelatedBriefings { get; set; } = [];

    public override void Normalise()
    {
        base.Normalise();
        Files = (Files ?? []).Where(f => f > 0).Distinct().ToList();
        RelatedBriefings = Clean(RelatedBriefings).Select(s => s.ToLowerInvariant()).Distinct().ToList();
    }

    protected override void ValidateFields(FieldErrors errors)
    {
        if (!Enum.IsDefined(Category))
        {
            errors.Add(nameof(Category), "Select a category");
        }

        if (Files.Count > 20)
        {
            errors.Add(nameof(Files), "A resource can have 20 files or fewer");
        }

        for (var i = 0; i < RelatedBriefings.Count; i++)
        {
            if (!Slugs.IsValid(RelatedBriefings[i]))
            {
                errors.Add($"{nameof(RelatedBriefings)}[{i}]", $"Related briefing {i + 1} must be a briefing's address, like neglect-audit-2025");
            }
        }
    }

    protected override IEnumerable<FieldText> DescribeFields()
    {
        yield return new FieldText(nameof(Category), "Category", Enum.IsDefined(Category) ? ContentNames.Name(Category) : "");
        yield return new FieldText(nameof(Files), "Files", Lines(Files.Select(f => $"Media item {f}")));
        yield return new FieldText(nameof(RelatedBriefings), "Related briefings", Lines(RelatedBriefings));
    }

    public override IEnumerable<int> MediaIds() => Files;

    internal override void CopyListing(Document document)
    {
        base.CopyListing(document);
        document.ListingCategory = ContentNames.Key(Category);
    }
}
