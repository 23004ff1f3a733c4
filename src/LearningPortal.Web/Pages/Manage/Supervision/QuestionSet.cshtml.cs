using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Manage.Supervision;

/// <summary>Adds or changes a standing question set: a title and its questions, one a line.</summary>
public class QuestionSetModel(QuestionSets sets) : PageModel
{
    [BindProperty]
    public QuestionSetInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public static IReadOnlyList<SelectListItem> Availability { get; } = [new("Yes, offer it to supervisors", "yes"), new("No, withdraw it", "no")];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        IsNew = id is null;
        if (id is null)
        {
            Input.Available = "yes";
            return Page();
        }

        var set = await sets.FindAsync(id.Value);
        if (set is null || set.Source != QuestionSetSource.Standing)
        {
            return NotFound();
        }

        Input = new QuestionSetInput
        {
            Title = set.Title,
            Questions = string.Join("\n", set.Questions.Select(q => q.Text)),
            Available = set.IsAvailable ? "yes" : "no",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        IsNew = id is null;
        var questions = (Input.Questions ?? "").Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        if (Input.Questions is not null && questions.Count == 0)
        {
            ModelState.AddModelError("Input.Questions", "Enter at least one question");
        }

        if (questions.Any(q => q.Length > 2000))
        {
            ModelState.AddModelError("Input.Questions", "Each question must be 2,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await sets.SaveStandingAsync(id, Input.Title!, questions, Input.Available != "no") is null)
        {
            return NotFound();
        }

        TempData["Notice"] = $"Question set \"{Input.Title!.Trim()}\" saved";
        return RedirectToPage("/Manage/Supervision/QuestionSets");
    }
}

public class QuestionSetInput
{
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(300, ErrorMessage = "Title must be 300 characters or fewer")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter at least one question")]
    public string? Questions { get; set; }

    public string? Available { get; set; }
}
