namespace LearningPortal.Core.Content.Fields;

/// <summary>A general page (about, accessibility statement, privacy notice): a title and a Markdown body.</summary>
public sealed class PageFields : DocumentFields
{
    [System.Text.Json.Serialization.JsonIgnore]
    public override DocumentType Type => DocumentType.Page;

    protected override bool SummaryRequired => false;

    protected override void ValidateFields(FieldErrors errors)
    {
    }

    protected override IEnumerable<FieldText> DescribeFields() => [];
}
