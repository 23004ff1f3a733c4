using LearningPortal.Core.Training;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Training.Book;

/// <summary>
/// A page of the booking journey (one question per page, then check answers). Each page loads the session
/// and the answers so far, and sends the person back to the first unanswered step if they skip ahead.
/// </summary>
public abstract class BookingStepModel(PortalDbContext db, BookingJourneyStore store) : PageModel
{
    public TrainingSession Session { get; private set; } = default!;

    protected BookingJourney Journey { get; private set; } = default!;

    protected PortalDbContext Db => db;

    /// <summary>Where this step's Back link goes.</summary>
    public abstract string BackLink { get; }

    protected async Task<bool> LoadAsync(int sessionId)
    {
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course)
            .SingleOrDefaultAsync(s => s.Id == sessionId && !s.IsCancelled && s.Course.IsPublished);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Journey = store.Read(HttpContext, sessionId);
        return true;
    }

    protected void SaveJourney() => store.Write(HttpContext, Journey);

    protected void EndJourney() => store.Clear(HttpContext);

    protected string StepPath(string step) => $"/training/book/{Session.Id}/{step}";

    /// <summary>The first step not yet answered, if it comes before <paramref name="step"/>.</summary>
    protected IActionResult? RedirectToMissingStep(string step)
    {
        var order = new[] { "your-details", "line-manager", "needs", "check" };
        var missing = !Journey.DetailsAnswered ? "your-details"
            : Session.RequiresManagerApproval && (Journey.LineManagerEmail is null || Journey.LineManagerName is null) ? "line-manager"
            : !Journey.NeedsAnswered ? "needs"
            : null;
        return missing is not null && Array.IndexOf(order, missing) < Array.IndexOf(order, step) ? Redirect(StepPath(missing)) : null;
    }

    protected string AfterDetails => Session.RequiresManagerApproval ? StepPath("line-manager") : StepPath("needs");
}
