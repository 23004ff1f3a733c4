namespace LearningPortal.Core.Content.Import;

/// <summary>A simple table as a Markdown pipe table: the first row is the header; ragged rows are padded.</summary>
internal static class ImportTables
{
    public static string Markdown(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var columns = rows.Max(r => r.Count);
        string Row(IReadOnlyList<string> cells) =>
            "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(i => i < cells.Count && cells[i].Length > 0 ? cells[i] : " ")) + " |";
        var lines = new List<string> { Row(rows[0]), "|" + string.Concat(Enumerable.Repeat(" --- |", columns)) };
        lines.AddRange(rows.Skip(1).Select(Row));
        return string.Join("\n", lines);
    }
}
