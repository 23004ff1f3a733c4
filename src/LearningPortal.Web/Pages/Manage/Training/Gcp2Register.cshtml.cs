using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Manage.Training;

/// <summary>The register of GCP2-trained practitioners, with refresher due dates; CSV export.</summary>
public class Gcp2RegisterModel(TrainingReports reports) : PageModel
{
    public IReadOnlyList<Gcp2RegisterRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await reports.Gcp2RegisterAsync(null);

    public async Task<IActionResult> OnGetCsvAsync() =>
        File(TrainingReports.ToCsv(await reports.Gcp2RegisterAsync(null)), "text/csv; charset=utf-8", "gcp2-register.csv");
}
