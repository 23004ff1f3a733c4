using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Search;
using LearningPortal.Core.Training;
using LearningPortal.Web.Pages.Training;
using LearningPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Manage.Training.Courses;

/// <summary>Adds or changes a course.</summary>
public partial class EditModel(PortalDbContext db, AuditLog audit, TimeProvider clock, SearchJournal searchJournal, IOptionsMonitor<FeedbackOptions> feedbackOptions) : PageModel
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
        var course = id is null ? new Course { CreatedUtc = clock.GetUtcNow().UtcDateTime } : await db.Courses.SingleOrDefaultAsync(c => c.Id == id);
        if (course is null)
        {
            return NotFound();
        }

        var slug = Slugify(string.IsNullOrWhiteSpace(Input.Slug) ? Input.Title : Input.Slug);
        if (slug.Length == 0)
        {
            ModelState.AddModelError("Input.Slug", "Enter a web address made of letters, numbers and hyphens");
        }
        else if (slug is "my" or "book" or "approval" or "index" || await db.Courses.AnyAsync(c => c.Slug == slug && c.Id != course.Id))
        {
            ModelState.AddModelError("Input.Slug", "Another course already uses this web address");
        }

        if (Input.PrerequisiteCourseId is { } p && (p == id || !await db.Courses.AnyAsync(c => c.Id == p)))
        {
            ModelState.AddModelError("Input.PrerequisiteCourseId", "Select a different course as the prerequisite");
        }

        if (Input.EvaluationFormId is { } formId && !await db.FeedbackForms.AnyAsync(f => f.Id == formId))
        {
            ModelState.AddModelError("Input.EvaluationFormId", "Select an evaluation form from the list");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        course.Title = Input.Title.Trim();
        course.Slug = slug;
        course.Summary = Input.Summary.Trim();
        course.Description = Input.Description?.Trim() ?? "";
        course.Audience = Input.Audience.Trim();
        course.Level = Input.Level!.Value;
        course.Length = Input.Length.Trim();
        course.Materials = Input.Materials?.Trim() ?? "";
        course.PrerequisiteCourseId = Input.PrerequisiteCourseId;
        course.LicensesGcp2 = Input.LicensesGcp2 == true;
        course.AllowsRepeatBookings = Input.AllowsRepeatBookings == true;
        course.IsPublished = Input.IsPublished == true;
        course.EvaluationFormId = Input.EvaluationFormId;
        course.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (id is null)
        {
            db.Courses.Add(course);
        }

        await db.SaveChangesAsync();
        var actor = User.Actor();
        audit.Record(actor.UserId, actor.Name, id is null ? "training.course.created" : "training.course.changed", "course", course.Id.ToString(), course.Title);

        // The course and its sessions (whose titles carry the course's) are re-read by search.
        searchJournal.Record(TrainingSearchSource.Kind, TrainingSearchSource.CourseId(course.Id), SearchOperation.Upsert);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var sessionId in await db.TrainingSessions.Where(s => s.CourseId == course.Id && s.StartUtc > now).Select(s => s.Id).ToListAsync())
        {
            searchJournal.Record(TrainingSearchSource.Kind, TrainingSearchSource.SessionId(sessionId), SearchOperation.Upsert);
        }

        await db.SaveChangesAsync();
        return Redirect($"/manage/training/courses/{course.Id}");
    }

    private async Task LoadAsync(int? id)
    {
        Prerequisites = await db.Courses.AsNoTracking().Where(c => c.Id != id).OrderBy(c => c.Title)
            .Select(c => new SelectListItem(c.Title, c.Id.ToString())).ToListAsync();
        EvaluationForms = await db.FeedbackForms.AsNoTracking().OrderBy(f => f.Name)
            .Select(f => new SelectListItem(f.Name, f.Id.ToString())).ToListAsync();
    }

    private static string Slugify(string text) => NotSlug().Replace(text.Trim().ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

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
