using LearningPortal.Core.Feedback;
using LearningPortal.Core.Training;
using LearningPortal.Web.Pages.Training;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Manage.Training.Courses;

/// <summary>Adds or changes a course.</summary>
public class EditModel(PortalDbContext db, CourseAdministration courses, IOptionsMonitor<FeedbackOptions> feedbackOptions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? CourseId { get; private set; }

    public IReadOnlyList<SelectListItem> Prerequisites { get; private set; } = [];

    /// <summary>Every feedback form, to choose the one attendees are sent after a session.</summary>
    public IReadOnlyList<SelectListItem> EvaluationForms { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Levels { get; } = Enum.GetValues<CourseLevel>().Select(l => new SelectListItem(l.ToString(), l.ToString())).ToList();

    public IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        CourseId = id;
        if (id is not null)
        {
            var c = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
            if (c is null)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Title = c.Title,
                Slug = c.Slug,
                Summary = c.Summary,
                Description = c.Description,
                Audience = c.Audience,
                Level = c.Level,
                Length = c.Length,
                Materials = c.Materials,
                PrerequisiteCourseId = c.PrerequisiteCourseId,
                LicensesGcp2 = c.LicensesGcp2,
                AllowsRepeatBookings = c.AllowsRepeatBookings,
                IsPublished = c.IsPublished,
                EvaluationFormId = c.EvaluationFormId,
            };
        }

        // A course that has not chosen is sent the default evaluation: show that as the choice.
        Input.EvaluationFormId ??= await db.FeedbackForms.Where(f => f.Slug == feedbackOptions.CurrentValue.CourseEvaluationForm).Select(f => (int?)f.Id).FirstOrDefaultAsync();

        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        CourseId = id;
        if (ModelState.IsValid)
        {
            var details = new CourseDetails(Input.Title, Input.Slug, Input.Summary, Input.Description, Input.Audience, Input.Level!.Value,
                Input.Length, Input.Materials, Input.PrerequisiteCourseId, Input.LicensesGcp2 == true, Input.AllowsRepeatBookings == true, Input.IsPublished == true, Input.EvaluationFormId);
            var result = await courses.SaveAsync(id, details, await this.ActorAsync());
            if (result.Succeeded)
            {
                return RedirectToPage("/Manage/Training/Courses/Detail", new { id = result.Value });
            }

            if (result.Refusal == Refusal.NotFound)
            {
                return NotFound();
            }

            ModelState.AddRefusal(result);
        }

        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(int? id)
    {
        Prerequisites = await db.Courses.AsNoTracking().Where(c => c.Id != id).OrderBy(c => c.Title)
            .Select(c => new SelectListItem(c.Title, c.Id.ToString())).ToListAsync();
        EvaluationForms = await db.FeedbackForms.AsNoTracking().OrderBy(f => f.Name)
            .Select(f => new SelectListItem(f.Name, f.Id.ToString())).ToListAsync();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the course title")]
        [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
        public string Title { get; set; } = "";

        [StringLength(100, ErrorMessage = "Web address must be 100 characters or fewer")]
        public string? Slug { get; set; }

        [Required(ErrorMessage = "Enter a summary")]
        [StringLength(500, ErrorMessage = "Summary must be 500 characters or fewer")]
        public string Summary { get; set; } = "";

        [StringLength(20_000, ErrorMessage = "Description must be 20,000 characters or fewer")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Enter who the course is for")]
        [StringLength(500, ErrorMessage = "Audience must be 500 characters or fewer")]
        public string Audience { get; set; } = "";

        [Required(ErrorMessage = "Select the level")]
        public CourseLevel? Level { get; set; }

        [Required(ErrorMessage = "Enter the length, for example Half day (3 hours)")]
        [StringLength(100, ErrorMessage = "Length must be 100 characters or fewer")]
        public string Length { get; set; } = "";

        [StringLength(10_000, ErrorMessage = "Materials must be 10,000 characters or fewer")]
        public string? Materials { get; set; }

        public int? PrerequisiteCourseId { get; set; }

        [Required(ErrorMessage = "Select whether the course trains people to use GCP2")]
        public bool? LicensesGcp2 { get; set; } = false;

        [Required(ErrorMessage = "Select whether people can book the course more than once")]
        public bool? AllowsRepeatBookings { get; set; } = false;

        [Required(ErrorMessage = "Select whether the course is published")]
        public bool? IsPublished { get; set; } = true;

        /// <summary>Null sends the default evaluation form.</summary>
        public int? EvaluationFormId { get; set; }
    }
}
