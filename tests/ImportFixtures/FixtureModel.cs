using System.Text.RegularExpressions;

namespace LearningPortal.Tests.ImportFixtures;

/// <summary>What a fixture block is; the writers turn each into Word or PDF the way briefings are really laid out.</summary>
public enum FixtureKind
{
    Heading,
    Paragraph,
    Bullet,
    Numbered,
    Table,

    /// <summary>A picture (PNG bytes in <see cref="FixtureBlock.Png"/>) on a line of its own.</summary>
    Image,
}

/// <summary>
/// One block of a fixture. Text may mark bold as **bold** and links as [text](address); <see cref="Plain"/> is what a
/// reader should find.
/// </summary>
public sealed record FixtureBlock(FixtureKind Kind, string Text, int Level = 0, int Depth = 0, IReadOnlyList<IReadOnlyList<string>>? Rows = null, byte[]? Png = null)
{
    public string Plain => Markup().Replace(Text, m => m.Groups["link"].Success ? m.Groups["link"].Value : m.Groups["bold"].Value);

    /// <summary>The text as runs: (text, bold, link).</summary>
    public IEnumerable<(string Text, bool Bold, string? Link)> Runs()
    {
        var at = 0;
        foreach (Match m in Markup().Matches(Text))
        {
            if (m.Index > at)
            {
                yield return (Text[at..m.Index], false, null);
            }

            yield return m.Groups["link"].Success ? (m.Groups["link"].Value, false, m.Groups["href"].Value) : (m.Groups["bold"].Value, true, null);
            at = m.Index + m.Length;
        }

        if (at < Text.Length)
        {
            yield return (Text[at..], false, null);
        }
    }

    private static Regex Markup() => new(@"\*\*(?<bold>.+?)\*\*|\[(?<link>[^\]]+)\]\((?<href>[^)]+)\)");
}

/// <summary>
/// A briefing written for the tests in the shape of one of the partnership publications in the seeds, with what an
/// import should find in it. Expected values are plain text; lists are compared item by item.
/// </summary>
public sealed class ImportFixture
{
    public required string Name { get; init; }

    /// <summary>Word: headings as Heading 1/2 styles (true) or as bold, larger text typed by hand (false).</summary>
    public bool StyledHeadings { get; init; } = true;

    /// <summary>Running header and footer text the PDF writer puts on every page.</summary>
    public string RunningHeader { get; init; } = "";

    public required IReadOnlyList<FixtureBlock> Blocks { get; init; }

    public required IReadOnlyList<string> Recommendations { get; init; }

    public required IReadOnlyList<string> Questions { get; init; }

    /// <summary>For each recommendation, the index of its paired question, or null.</summary>
    public IReadOnlyList<int?> Pairs { get; init; } = [];

    /// <summary>Every other field an import should fill, by field key: text, a number, a date (yyyy-MM), or list items joined by "\n".</summary>
    public required IReadOnlyDictionary<string, string> Expected { get; init; }
}

/// <summary>Builders that keep the fixture texts readable.</summary>
public static class F
{
    public static FixtureBlock H(string text, int level = 2) => new(FixtureKind.Heading, text, level);

    public static FixtureBlock P(string text) => new(FixtureKind.Paragraph, text);

    public static FixtureBlock B(string text, int depth = 0) => new(FixtureKind.Bullet, text, Depth: depth);

    public static FixtureBlock N(string text) => new(FixtureKind.Numbered, text);

    public static FixtureBlock T(params string[][] rows) => new(FixtureKind.Table, string.Join(" ", rows.SelectMany(r => r)), Rows: rows);

    /// <summary>A picture; <paramref name="png"/> from <see cref="TestImages"/>.</summary>
    public static FixtureBlock Img(byte[] png) => new(FixtureKind.Image, "", Png: png);

    public static IEnumerable<FixtureBlock> Bs(params string[] items) => items.Select(i => B(i));

    public static IEnumerable<FixtureBlock> Ns(params string[] items) => items.Select(N);
}
