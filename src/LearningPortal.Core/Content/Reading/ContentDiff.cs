using LearningPortal.Core.Content.Fields;

namespace LearningPortal.Core.Content.Reading;

/// <summary>How a line differs between two versions.</summary>
public enum DiffKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>One field's difference; <see cref="Changed"/> is false when the field is the same in both.</summary>
public sealed record FieldDiff(string Key, string Label, IReadOnlyList<DiffLine> Lines)
{
    public bool Changed => Lines.Any(l => l.Kind != DiffKind.Unchanged);
}

/// <summary>
/// A readable, line-based difference between two versions, field by field (title, address, every field of
/// the type, body). Lines are compared with a longest-common-subsequence, which is plenty for documents of
/// this size and reads the way editors expect.
/// </summary>
public static class ContentDiff
{
    public static IReadOnlyList<FieldDiff> Compare(DocumentType type, DocumentVersion from, DocumentVersion to)
    {
        var a = Describe(type, from);
        var b = Describe(type, to);
        var keys = a.Select(f => (f.Key, f.Label)).Concat(b.Select(f => (f.Key, f.Label))).DistinctBy(k => k.Key).ToList();
        return keys.Select(k => new FieldDiff(k.Key, k.Label, Lines(
            a.FirstOrDefault(f => f.Key == k.Key)?.Text ?? "",
            b.FirstOrDefault(f => f.Key == k.Key)?.Text ?? ""))).ToList();
    }

    /// <summary>Line difference of two texts.</summary>
    public static IReadOnlyList<DiffLine> Lines(string from, string to)
    {
        var a = Split(from);
        var b = Split(to);
        var n = a.Length;
        var m = b.Length;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[x] == b[y])
            {
                result.Add(new DiffLine(DiffKind.Unchanged, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        while (x < n)
        {
            result.Add(new DiffLine(DiffKind.Removed, a[x++]));
        }

        while (y < m)
        {
            result.Add(new DiffLine(DiffKind.Added, b[y++]));
        }

        return result;
    }

    private static List<FieldText> Describe(DocumentType type, DocumentVersion version)
    {
        var fields = DocumentTypes.ReadFields(type, version.FieldsJson);
        var list = fields.Describe().ToList();
        list.Insert(1, new FieldText("Slug", "Address", DocumentTypes.PathFor(type, version.Slug)));
        list.Add(new FieldText("Body", "Body", version.Body, true));
        return list;
    }

    private static string[] Split(string text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
