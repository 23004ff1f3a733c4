using LearningPortal.Core.Training;
using LearningPortal.Web.Pages.Training;

namespace LearningPortal.Web.Pages.Manage.Training.Sessions;

/// <summary>The register: attended, partly attended or did not attend for each person with a place.</summary>
public class RegisterModel(PortalDbContext db, SessionRegister register) : SessionPageModel(db)
{
    [BindProperty]
    public List<MarkInput> Marks { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<SelectListItem> Outcomes { get; } =
    [
        new("Attended", nameof(AttendanceOutcome.Attended)),
        new("Partly attended", nameof(AttendanceOutcome.PartlyAttended)),
        new("Did not attend", nameof(AttendanceOutcome.DidNotAttend)),
    ];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Marks = Booked.Select(b => new MarkInput
        {
            BookingId = b.Id,
            Name = b.AttendeeName,
            Outcome = b.Attendance?.Outcome,
            SubstituteName = b.Attendance?.SubstituteName,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var names = Booked.ToDictionary(b => b.Id, b => b.AttendeeName);
        for (var i = 0; i < Marks.Count; i++)
        {
            Marks[i].Name = names.GetValueOrDefault(Marks[i].BookingId, "");
            if (Marks[i].Outcome is null)
            {
                ModelState.AddModelError($"Marks[{i}].Outcome", $"Select whether {Marks[i].Name} attended");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await register.RecordAsync(id, Marks.Select(m => new AttendanceMark(m.BookingId, m.Outcome!.Value, m.SubstituteName)).ToList(), await this.ActorAsync());
        if (!result.Succeeded)
        {
            return this.Refused(result, Page, map: _ => "");
        }

        Notice = "Register saved";
        return RedirectToPage("/Manage/Training/Sessions/Register", new { id });
    }

    public sealed class MarkInput
    {
        public int BookingId { get; set; }

        public string Name { get; set; } = "";

        public AttendanceOutcome? Outcome { get; set; }

        public string? SubstituteName { get; set; }
    }
}
