using System.Diagnostics;
using System.Globalization;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Import;
using LearningPortal.Tests.ImportFixtures;

// Accuracy: every fixture as Word and as PDF, every expected field compared (recommendations and questions are
// asserted exactly by the tests; here they are counted too, so a miss shows).
var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var total = 0;
var misses = new List<ImportMiss>();
var exact = 0;
var exactTotal = 0;
foreach (var fixture in Fixtures.All)
{
    foreach (var format in new[] { "docx", "pdf" })
    {
        var proposal = Import(fixture, format, out _);
        var (count, missed) = ImportScore.Score(fixture, format, proposal);
        total += count;
        misses.AddRange(missed);
        var briefing = proposal.Fields as LearningBriefingFields;
        exactTotal++;
        if ((briefing?.Recommendations.Select(r => r.Text) ?? []).SequenceEqual(fixture.Recommendations)
            && (briefing?.Questions.Select(q => q.Text) ?? []).SequenceEqual(fixture.Questions))
        {
            exact++;
        }
        else
        {
            misses.Add(new ImportMiss(fixture.Name, format, "Recommendations/Questions", $"{fixture.Recommendations.Count}/{fixture.Questions.Count}",
                $"{briefing?.Recommendations.Count ?? 0}/{briefing?.Questions.Count ?? 0}"));
        }
    }
}

var landed = total - misses.Count(m => m.Field != "Recommendations/Questions");
Console.WriteLine($"Fields in the right place: {landed}/{total} ({landed / (double)total:P1}); goal 90%");
Console.WriteLine($"Recommendations and questions all found in order: {exact}/{exactTotal} imports");
Console.WriteLine(misses.Count == 0 ? "Misses: none" : "Misses:");
foreach (var miss in misses)
{
    Console.WriteLine($"  {miss.Fixture}.{miss.Format} {miss.Field}: expected '{Short(miss.Expected)}', got '{Short(miss.Actual)}'");
}

// Time and memory: the largest fixture (the audit briefing, repeated to 4 copies in one PDF to be long), read and mapped.
var largest = Fixtures.AuditBriefing();
var pdf = PdfWriter.Write(largest, repeat: 4);
var docx = DocxWriter.Write(largest);
foreach (var (format, bytes) in new[] { ("pdf", pdf), ("docx", docx) })
{
    var times = new List<double>();
    ReadDocument? read = null;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        using var stream = new MemoryStream(bytes);
        read = format == "pdf" ? PdfReader.Read(stream, new ImportLimits(), CancellationToken.None) : WordReader.Read(stream, new ImportLimits(), CancellationToken.None);
        BriefingMapper.Map(read, null, "largest." + format, null);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var pages = format == "pdf" ? read!.Blocks.Max(b => b.Page ?? 0) : 0;
    Console.WriteLine($"Largest fixture as {format} ({bytes.Length / 1024.0:N0} KB{(pages > 0 ? $", {pages} pages" : "")}, {read!.Blocks.Count} blocks): " +
        $"median {times[times.Count / 2]:N0} ms, slowest {times[^1]:N0} ms over {runs} runs (limit 10 s)");
}

using (var process = Process.GetCurrentProcess())
{
    process.Refresh();
    Console.WriteLine($"Peak working set of the whole benchmark process: {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MB (limit 500 MB); managed heap now {GC.GetTotalMemory(false) / (1024.0 * 1024):N0} MB");
}

static ImportProposal Import(ImportFixture fixture, string format, out ReadDocument read)
{
    using var stream = new MemoryStream(format == "docx" ? DocxWriter.Write(fixture) : PdfWriter.Write(fixture));
    read = format == "docx" ? WordReader.Read(stream, new ImportLimits(), CancellationToken.None) : PdfReader.Read(stream, new ImportLimits(), CancellationToken.None);
    return BriefingMapper.Map(read, null, $"{fixture.Name}.{format}", null);
}

static string Short(string text) => (text.Length <= 160 ? text : text[..157] + "...").Replace("\n", " / ", StringComparison.Ordinal);
