using System.Text;
using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision;

/// <summary>
/// A person's own final records, as a printable page or a CSV file, as evidence of reflective practice
/// (for professional registration). Each export is written to each record's audit trail.
/// </summary>
public class ExportModel(DiscussionRecords records) : PageModel
{
    public IReadOnlyList<RecordView> Records { get; private set; } = [];

    public async Task OnGetAsync() => Records = await records.ExportAsync(User.UserId());

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var views = await records.ExportAsync(User.UserId());
        var csv = new StringBuilder();
        Row(csv, "Date", "Kind", "Briefing or question set", "Supervisor", "Participants", "Questions and what was discussed",
            "What happened", "Reflection", "Learning", "What next", "Actions", "Reflections");
        foreach (var v in views)
        {
            var r = v.Record;
            Row(csv, r.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Kind.Name(), r.QuestionSetTitle, v.NameOf(r.SupervisorId),
                string.Join("; ", r.Participants.Select(p => v.NameOf(p.UserId))),
                string.Join("\n", r.Questions.Select(q => $"{q.Wording}: {q.Discussion}")),
                r.WhatHappened, r.Reflection, r.Learning, r.WhatNext,
                string.Join("\n", r.Actions.Select(a => $"{a.What} ({v.NameOf(a.OwnerId)}, due {a.DueOn.ToUkDate()}, {(a.Status == ActionStatus.Done ? "done" : "open")})")),
                string.Join("\n", r.Reflections.Select(x => $"{v.NameOf(x.AuthorId)}: {x.Text}")));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "my-supervision-records.csv");
    }

    private static void Row(StringBuilder csv, params string?[] cells) =>
        csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");

    /// <summary>Quotes every cell, and defuses text a spreadsheet would run as a formula.</summary>
    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
