using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Tests.Content.Rendering;

public class ContentDiffTests
{
    [Fact]
    public void Line_difference_shows_removed_and_added_lines_in_order()
    {
        var lines = ContentDiff.Lines("one\ntwo\nthree", "one\n2\nthree\nfour");

        Assert.Equal(
            [(DiffKind.Unchanged, "one"), (DiffKind.Removed, "two"), (DiffKind.Added, "2"), (DiffKind.Unchanged, "three"), (DiffKind.Added, "four")],
            lines.Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public void Version_difference_is_per_field_and_marks_only_changed_fields()
    {
        var a = Build.Briefing();
        var b = Build.Briefing(change: f =>
        {
            f.Questions = [a.Questions[0], new QuestionField { Id = a.Questions[1].Id, Text = "How is the child's lived experience captured?" }];
            f.SampleChildren = 43;
        });
        var from = new DocumentVersion { Slug = "audit", FieldsJson = DocumentTypes.WriteFields(a), Body = "Intro\nContext" };
        var to = new DocumentVersion { Slug = "audit-2025", FieldsJson = DocumentTypes.WriteFields(b), Body = "Intro\nContext" };

        var diff = ContentDiff.Compare(DocumentType.LearningBriefing, from, to);

        Assert.Equal(["Slug", "SampleChildren", "Questions"], diff.Where(d => d.Changed).Select(d => d.Key));
        var questions = diff.Single(d => d.Key == "Questions");
        Assert.Contains(questions.Lines, l => l.Kind == DiffKind.Removed && l.Text == "2. How is the voice of the child captured?");
        Assert.Contains(questions.Lines, l => l.Kind == DiffKind.Added && l.Text == "2. How is the child's lived experience captured?");
        Assert.False(diff.Single(d => d.Key == "Body").Changed);
    }
}
