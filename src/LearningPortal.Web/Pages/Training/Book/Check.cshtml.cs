using LearningPortal.Core.Training;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Training.Book;

/// <summary>Check answers, then book. Booking twice (a double click) lands on the same confirmation.</summary>
public class CheckModel(PortalDbContext db, BookingJourneyStore store, BookingService bookings) : BookingStepModel(db, store)
{
    public string AgencyName { get; private set; } = "";

    public string? AccessNeeds => Journey.AccessNeeds;

    public string? DietaryNeeds => Journey.DietaryNeeds;

    public BookingJourney Answers => Journey;

    public override string BackLink => StepPath("needs");

    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        if (RedirectToMissingStep("check") is { } missing)
        {
            return missing;
        }

        await LoadAgencyAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        if (RedirectToMissingStep("check") is { } missing)
        {
            // Answers already used by an earlier click: if that booking exists, show it.
            var booked = await Db.Bookings.AnyAsync(b => b.SessionId == sessionId && b.UserId == User.UserId());
            return booked ? Redirect(StepPath("confirmation")) : missing;
        }

        var result = await bookings.BookAsync(new BookingRequest(
            sessionId, User.UserId(), Journey.AttendeeName!, Journey.AgencyId!.Value, Journey.JobRole!,
            Journey.AccessNeeds, Journey.DietaryNeeds, Journey.LineManagerName, Journey.LineManagerEmail));
        if (!result.Succeeded)
        {
            await LoadAgencyAsync();
            return this.Refused(result, Page, map: _ => "");
        }

        EndJourney();
        return Redirect(StepPath("confirmation"));
    }

    private async Task LoadAgencyAsync() =>
        AgencyName = await Db.Agencies.Where(a => a.Id == Journey.AgencyId).Select(a => a.Name).SingleOrDefaultAsync() ?? "";
}
