using System.Globalization;
using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Import;

namespace LearningPortal.Tests.ImportFixtures;

/// <summary>A field that did not land where the fixture says it should.</summary>
public sealed record ImportMiss(string Fixture, string Format, string Field, string Expected, string Actual);

/// <summary>Compares a proposal with a fixture's expected fields (all but recommendations and questions, which are asserted exactly).</summary>
public static partial class ImportScore
{
    public static (int Checked, List<ImportMiss> Misses) Score(ImportFixture fixture, string format, ImportProposal proposal)
    {
        var misses = new List<ImportMiss>();
        foreach (var (key, expected) in fixture.Expected)
        {
            var actual = Actual(key, proposal);
            var ok = expected.Contains('|', StringComparison.Ordinal)
                ? expected.Split('|').All(part => Normal(actual).Contains(Normal(part), StringComparison.Ordinal))
                : Normal(actual) == Normal(expected);
            if (!ok)
            {
                misses.Add(new ImportMiss(fixture.Name, format, key, expected, actual));
            }
        }

        return (fixture.Expected.Count, misses);
    }

    public static string Actual(string key, ImportProposal proposal)
    {
        var fields = proposal.Fields;
        var b = fields as LearningBriefingFields;
        var s = fields as StrategyFields;
        return key switch
        {
            "Type" => proposal.Type.ToString(),
            "Title" => fields.Title,
            "Format" => b?.Format.ToString() ?? "",
            "Partnership" => b?.Partnership ?? s?.Partnership ?? "",
            "AuditDate" => b?.AuditDate?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "",
            "ReviewDate" => s?.ReviewDate?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "",
            "Themes" => string.Join("\n", b?.Themes ?? []),
            "SampleFamilies" => b?.SampleFamilies?.ToString(CultureInfo.InvariantCulture) ?? "",
            "SampleChildren" => b?.SampleChildren?.ToString(CultureInfo.InvariantCulture) ?? "",
            "KeyLinesOfEnquiry" => string.Join("\n", b?.KeyLinesOfEnquiry ?? []),
            "AgenciesInvolved" => string.Join("\n", b?.AgenciesInvolved ?? []),
            "GoodPractice" => b?.GoodPractice ?? "",
            "AreasForDevelopment" => b?.AreasForDevelopment ?? "",
            "Conclusion" => b?.Conclusion ?? "",
            "WhatToDoNow" => b?.WhatToDoNow ?? "",
            "RelatedResources" => b?.RelatedResources ?? "",
            "Definition" => s?.Definition ?? "",
            "Objectives" => string.Join("\n", s?.Objectives.Select(o => o.Title) ?? []),
            "MeasuresOfSuccess" => string.Join("\n", s?.MeasuresOfSuccess ?? []),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "No such field"),
        };
    }

    /// <summary>Everything a proposal holds as one text: every field and the body.</summary>
    public static string AllText(ImportProposal proposal) =>
        string.Join("\n", proposal.Fields.Describe().Select(f => f.Text)) + "\n" + proposal.Body
        + (proposal.Fields is StrategyFields s ? "\n" + string.Join("\n", s.Objectives.Select(o => o.Title + "\n" + o.Description)) : "");

    /// <summary>Text compared without Markdown, case, punctuation or spacing.</summary>
    public static string Normal(string text)
    {
        text = Link().Replace(text, "$1");
        text = text.Replace('’', '\'').Replace('‘', '\'');
        return NotWord().Replace(text.ToLowerInvariant(), "");
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWord();
}
