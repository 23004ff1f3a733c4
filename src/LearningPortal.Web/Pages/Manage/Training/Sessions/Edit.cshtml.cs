using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using LearningPortal.Web.Pages.Training;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Manage.Training.Sessions;

/// <summary>
/// Adds or changes a session. Times are entered in UK time and stored in UTC. Changing one goes through
/// <see cref="SessionAdministration"/>: a capacity below the places booked is refused, a stale form does
/// not overwrite someone else's change, and booked people get an updated invitation.
/// </summary>
public class EditModel(PortalDbContext db, SessionAdministration sessions, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Course Course { get; private set; } = default!;

    public int? SessionId { get; private set; }

    public IReadOnlyList<SelectListItem> Formats { get; } = [new("In person", nameof(SessionFormat.InPerson)), new("Online", nameof(SessionFormat.Online))];

    public IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];

    public async Task<IActionResult> OnGetAsync(int? id, int? courseId)
    {
        if (id is not null)
        {
            var s = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == id);
            if (s is null)
            {
                return NotFound();
            }

            SessionId = id;
            Course = s.Course;
            var start = UkTime.FromUtc(s.StartUtc);
            Input = new InputModel
            {
                Date = DateInput.From(DateOnly.FromDateTime(start)),
                StartTime = TimeOfDay.Format(TimeOnly.FromDateTime(start)),
                EndTime = TimeOfDay.Format(TimeOnly.FromDateTime(UkTime.FromUtc(s.EndUtc))),
                Format = s.Format,
                Venue = s.Venue,
                JoiningLink = s.JoiningLink,
                Capacity = s.Capacity,
                BookingOpens = DateInput.From(DateOnly.FromDateTime(UkTime.FromUtc(s.BookingOpensUtc))),
                BookingCloses = DateInput.From(DateOnly.FromDateTime(UkTime.FromUtc(s.BookingClosesUtc))),
                Trainer = s.Trainer,
                AgencyPlaceLimit = s.AgencyPlaceLimit,
                RequiresManagerApproval = s.RequiresManagerApproval,
                Version = s.Version,
            };
            return Page();
        }

        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId);
        if (course is null)
        {
            return NotFound();
        }

        Course = course;

        // Booking opens today unless the editor says otherwise; left empty, it closes the day before the session.
        Input.BookingOpens = DateInput.From(UkTime.Today(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? courseId)
    {
        SessionId = id;
        var course = id is null
            ? await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId)
            : await db.TrainingSessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.Course).SingleOrDefaultAsync();
        if (course is null)
        {
            return NotFound();
        }

        Course = course;
        var details = Validate();
        if (details is null)
        {
            return Page();
        }

        var result = id is null
            ? await sessions.CreateAsync(course.Id, details, await this.ActorAsync())
            : await sessions.UpdateAsync(id.Value, Input.Version, details, await this.ActorAsync());
        if (!result.Succeeded)
        {
            return this.Refused(result, Page);
        }

        return RedirectToPage("/Manage/Training/Sessions/Detail", new { id = result.Value });
    }

    /// <summary>Checks the form field by field (GOV.UK messages) and turns UK times into UTC.</summary>
    private SessionDetails? Validate()
    {
        var date = Input.Date.Read(ModelState, "Input.Date", "Date of the session");
        if (!TimeOfDay.TryParse(Input.StartTime, out var startTime))
        {
            ModelState.AddModelError("Input.StartTime", "Enter a start time, like 9:30am or 14:00");
        }

        if (!TimeOfDay.TryParse(Input.EndTime, out var endTime))
        {
            ModelState.AddModelError("Input.EndTime", "Enter an end time, like 4pm or 16:00");
        }
        else if (endTime <= startTime)
        {
            ModelState.AddModelError("Input.EndTime", "The end time must be after the start time");
        }

        if (Input.Format == SessionFormat.InPerson && string.IsNullOrWhiteSpace(Input.Venue))
        {
            ModelState.AddModelError("Input.Venue", "Enter the venue");
        }

        if (Input.Format == SessionFormat.Online
            && !(Uri.TryCreate(Input.JoiningLink?.Trim(), UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Input.JoiningLink", "Enter the joining link, starting with https://");
        }

        var opens = Input.BookingOpens.Read(ModelState, "Input.BookingOpens", "Booking opens", required: false);
        var closes = Input.BookingCloses.Read(ModelState, "Input.BookingCloses", "Booking closes", required: false);
        if (closes is not null && opens is not null && closes < opens)
        {
            ModelState.AddModelError("Input.BookingCloses", "Booking must close on or after the day it opens");
        }
        else if (closes is not null && date is not null && closes > date)
        {
            ModelState.AddModelError("Input.BookingCloses", "Booking must close on or before the day of the session");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var startUtc = UkTime.ToUtc(date!.Value.ToDateTime(startTime));

        // Empty booking dates mean "from now" and "until the end of the day before the session"; booking always
        // closes before the session starts.
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var opensUtc = opens is { } o ? UkTime.StartOfDayUtc(o) : nowUtc;
        var closesUtc = UkTime.StartOfDayUtc((closes ?? date.Value.AddDays(-1)).AddDays(1)).AddSeconds(-1);
        if (closesUtc >= startUtc || closesUtc < opensUtc)
        {
            closesUtc = startUtc.AddMinutes(-1);
        }

        return new SessionDetails(
            startUtc,
            UkTime.ToUtc(date.Value.ToDateTime(endTime)),
            Input.Format!.Value,
            Input.Format == SessionFormat.InPerson ? Input.Venue : null,
            Input.Format == SessionFormat.Online ? Input.JoiningLink : null,
            Input.Capacity!.Value,
            opensUtc,
            closesUtc,
            Input.Trainer,
            Input.AgencyPlaceLimit,
            Input.RequiresManagerApproval == true);
    }

    public sealed class InputModel
    {
        public DateInput Date { get; set; } = new();

        public string? StartTime { get; set; }

        public string? EndTime { get; set; }

        [Required(ErrorMessage = "Select in person or online")]
        public SessionFormat? Format { get; set; }

        [StringLength(300, ErrorMessage = "Venue must be 300 characters or fewer")]
        public string? Venue { get; set; }

        [StringLength(500, ErrorMessage = "Joining link must be 500 characters or fewer")]
        public string? JoiningLink { get; set; }

        [Required(ErrorMessage = "Enter the number of places")]
        [Range(1, 1000, ErrorMessage = "Number of places must be between 1 and 1,000")]
        public int? Capacity { get; set; }

        public DateInput BookingOpens { get; set; } = new();

        public DateInput BookingCloses { get; set; } = new();

        [Required(ErrorMessage = "Enter the trainer's name")]
        [StringLength(200, ErrorMessage = "Trainer must be 200 characters or fewer")]
        public string Trainer { get; set; } = "";

        [Range(1, 1000, ErrorMessage = "The limit for each agency must be between 1 and 1,000")]
        public int? AgencyPlaceLimit { get; set; }

        [Required(ErrorMessage = "Select whether bookings need the line manager's approval")]
        public bool? RequiresManagerApproval { get; set; } = false;

        public int Version { get; set; }
    }
}
