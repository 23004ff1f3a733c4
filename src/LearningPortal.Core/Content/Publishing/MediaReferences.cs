using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Fields;

namespace LearningPortal.Core.Content.Publishing;

/// <summary>Finds the media library items a version uses: a toolkit resource's files and /media/{id}/ links in Markdown.</summary>
public static partial class MediaReferences
{
    public static IReadOnlyList<int> Find(DocumentFields fields, string body)
    {
        var ids = new SortedSet<int>(fields.MediaIds());
        foreach (var text in fields.Describe().Where(f => f.IsMarkdown).Select(f => f.Text).Append(body))
        {
            foreach (Match m in MediaLink().Matches(text ?? ""))
            {
                if (int.TryParse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    ids.Add(id);
                }
            }
        }

        return [.. ids];
    }

    /// <summary>"|3|7|", or "" when none; searchable with LIKE '%|3|%' on any database.</summary>
    public static string Format(DocumentFields fields, string body)
    {
        var ids = Find(fields, body);
        var text = ids.Count == 0 ? "" : "|" + string.Join("|", ids) + "|";
        return text.Length > 2000 ? text[..text.LastIndexOf('|', 1999)] + "|" : text;
    }

    [GeneratedRegex(@"/media/(\d{1,9})(?:/|\b)")]
    private static partial Regex MediaLink();
}
