using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>/manage/feedback: every form with its question and response counts.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record FormRow(int Id, string Name, string Slug, FeedbackFormState State, bool IsAnonymous, int Questions, int Responses);

    public IReadOnlyList<FormRow> Forms { get; private set; } = [];

    public async Task OnGetAsync() =>
        Forms = await db.FeedbackForms.AsNoTracking().OrderBy(f => f.Name)
            .Select(f => new FormRow(f.Id, f.Name, f.Slug, f.State, f.IsAnonymous,
                f.Questions.Count(q => q.RetiredUtc == null),
                db.FeedbackResponses.Count(r => r.FormId == f.Id)))
            .ToListAsync(HttpContext.RequestAborted);
}
