namespace LearningPortal.Core.Content.Fields;

/// <summary>A general page (about, accessibility statement, privacy notice): a title and a Markdown body.</summary>
public sealed class PageFields : DocumentFields
{
    public override DocumentType Type => DocumentType.Page;

    protected override bool SummaryRequired => false;

    protected override void ValidateFields(FieldErrors errors)
    {
    }

    protected override IEnumerable<FieldText> DescribeFields() => [];
}
