using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Fields;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>
/// The strategy form edits objectives as lines of text; this keeps each objective's identity across the edit (same title
/// first, then the remaining ones in order) and attaches the measures written "3: ..." to the objectives they measure.
/// </summary>
public static partial class StrategyObjectiveKeys
{
    public static void Apply(StrategyFields strategy, string? keys, List<string> measureLines)
    {
        var previous = (keys ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => (Ok: Guid.TryParse(line.Split(' ', 2)[0], out var id), Id: id, Title: line.Contains(' ', StringComparison.Ordinal) ? line.Split(' ', 2)[1].Trim() : ""))
            .Where(k => k.Ok && k.Id != Guid.Empty)
            .ToList();
        var used = new HashSet<Guid>();
        foreach (var objective in strategy.Objectives)
        {
            var same = previous.FirstOrDefault(k => !used.Contains(k.Id) && string.Equals(k.Title, objective.Title, StringComparison.Ordinal));
            if (same.Ok)
            {
                objective.Id = same.Id;
                used.Add(same.Id);
            }
        }

        // The rest, in order: a reworded objective keeps the identity of the one it replaced.
        var unused = new Queue<Guid>(previous.Select(k => k.Id).Where(id => !used.Contains(id)));
        foreach (var objective in strategy.Objectives.Where(o => o.Id == Guid.Empty))
        {
            if (unused.Count == 0)
            {
                break;
            }

            objective.Id = unused.Dequeue();
        }

        strategy.MeasuresOfSuccess = [];
        foreach (var line in measureLines)
        {
            var match = Attached().Match(line);
            var text = match.Success ? match.Groups["text"].Value.Trim() : line;
            strategy.MeasuresOfSuccess.Add(text);
            if (!match.Success)
            {
                continue;
            }

            foreach (var number in match.Groups["numbers"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= strategy.Objectives.Count
                    && !strategy.Objectives[n - 1].Measures.Contains(text, StringComparer.Ordinal))
                {
                    strategy.Objectives[n - 1].Measures.Add(text);
                }
            }
        }
    }

    [GeneratedRegex(@"^(?<numbers>\d{1,2}(\s*,\s*\d{1,2})*)\s*:\s*(?<text>.+)$")]
    private static partial Regex Attached();
}
