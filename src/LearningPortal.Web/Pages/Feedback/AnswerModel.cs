using System.Security.Claims;
using LearningPortal.Core.Content;
using LearningPortal.Core.Feedback;
using LearningPortal.Web.Security.RateLimiting;

namespace LearningPortal.Web.Pages.Feedback;

/// <summary>
/// /feedback/{slug}: answer a form. With a personal link (?token=, from an evaluation email) the token says
/// who answers and where, so no sign-in is needed. Otherwise a named form asks the person to sign in, and an
/// anonymous form is answered without an account, once per browser (<see cref="AnonymousRespondent"/>); the page
/// issues the token (?briefing= names the briefing they came from). Either way the token is spent on submission,
/// once. Editors can preview any form, drafts included, with ?preview=true: nothing can be sent from a preview.
/// </summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.Feedback, Subject = RateLimitSubject.Token, Field = "token")]
public class AnswerModel(PortalDbContext db, FeedbackForms forms, FeedbackTokens tokens, FeedbackAnswering answering, AnonymousRespondent browsers, TimeProvider clock) : PageModel
{
    /// <summary>The field of the optional agency question on anonymous forms that ask it.</summary>
    public const string AgencyField = "agency";

    /// <summary>An Editor looking at the form as a respondent would see it.</summary>
    public bool IsPreview { get; private set; }

    /// <summary>The agencies to choose from, when the form asks.</summary>
    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public string? ChosenAgency { get; private set; }

    public FeedbackForm Form { get; private set; } = default!;

    public IReadOnlyList<FeedbackQuestion> Questions { get; private set; } = [];

    /// <summary>The one-time token, carried in the form so that the answer is tied to it.</summary>
    [BindProperty]
    public string Token { get; set; } = "";

    /// <summary>Why the link cannot be used, when it cannot.</summary>
    public string? LinkProblem { get; private set; }

    /// <summary>The briefing's title, when the form is answered from a briefing.</summary>
    public string? BriefingTitle { get; private set; }

    public string? SessionTitle { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Values { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(string slug, string? token, int? briefing, bool preview = false)
    {
        if (preview && User.IsInRole(PortalRoles.Editor))
        {
            var form = await forms.FindBySlugAsync(slug, HttpContext.RequestAborted);
            if (form is null)
            {
                return NotFound();
            }

            Form = form;
            Questions = [.. form.CurrentQuestions];
            ViewData["Title"] = "Preview: " + form.Name;
            IsPreview = true;
            await LoadAgenciesAsync();
            return Page();
        }

        var (result, ticket) = await ResolveAsync(slug, token, briefing);
        if (result is not null || ticket is null)
        {
            return result ?? Page();
        }

        if (await answering.HasAnsweredAsync(ticket, HttpContext.RequestAborted))
        {
            return RedirectToPage("/Feedback/ThankYou", new { slug = Form.Slug, already = "true" });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        var (result, ticket) = await ResolveAsync(slug, Token, null);
        if (result is not null || ticket is null)
        {
            return result ?? Page();
        }

        Values = Request.Form.Where(f => f.Key.StartsWith('q')).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        int? agencyId = null;
        FieldError? agencyError = null;
        if (Form.IsAnonymous)
        {
            // Only the person's own choice links an anonymous answer to an agency, never their account.
            ChosenAgency = Request.Form[AgencyField].ToString();
            if (Form.AsksAgency && ChosenAgency.Length > 0)
            {
                if (int.TryParse(ChosenAgency, out var chosen) && Agencies.Any(a => a.Id == chosen))
                {
                    agencyId = chosen;
                }
                else
                {
                    agencyError = new FieldError(AgencyField, "Select your agency from the list, or leave it blank");
                }
            }
        }
        else
        {
            agencyId = await db.Users.Where(u => u.Id == ticket.UserId).Select(u => (int?)u.AgencyId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        }

        var outcome = agencyError is null
            ? await answering.SubmitAsync(Form, ticket, Values, agencyId, HttpContext.RequestAborted)
            : Outcome.Invalid<Submission>([.. FeedbackAnswering.Check(Form.CurrentQuestions, Values).Errors, agencyError]);
        switch (outcome)
        {
            case { Refusal: Refusal.NotAllowed }:
                LinkProblem = outcome.Message;
                return Page();
            case { Succeeded: false }:
                Errors = outcome.Errors;
                return this.Refused(outcome, Page, prefix: "");
            case { Value: Submission.AlreadyAnswered }:
                return RedirectToPage("/Feedback/ThankYou", new { slug = Form.Slug, already = "true" });
            default:
                return RedirectToPage("/Feedback/ThankYou", new { slug = Form.Slug });
        }
    }

    private async Task LoadAgenciesAsync()
    {
        if (Form.IsAnonymous && Form.AsksAgency)
        {
            Agencies = (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder)
                .Select(a => new { a.Id, a.Name }).ToListAsync(HttpContext.RequestAborted)).Select(a => (a.Id, a.Name)).ToList();
        }
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public IReadOnlyList<string> ValuesFor(string field) => Values.TryGetValue(field, out var v) ? v : [];

    private async Task<(IActionResult? Result, FeedbackTicket? Ticket)> ResolveAsync(string slug, string? token, int? briefing)
    {
        var form = await forms.FindBySlugAsync(slug, HttpContext.RequestAborted);
        if (form is null)
        {
            return (NotFound(), null);
        }

        Form = form;
        Questions = [.. form.CurrentQuestions];
        ViewData["Title"] = form.Name;
        if (!form.IsAcceptingAnswers(clock.GetUtcNow().UtcDateTime))
        {
            LinkProblem = FeedbackAnswering.NotOpenMessage;
            return (null, null);
        }

        await LoadAgenciesAsync();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        FeedbackTicket? ticket;
        if (!string.IsNullOrEmpty(token))
        {
            ticket = tokens.Read(token);
            if (ticket is null || ticket.FormId != form.Id)
            {
                LinkProblem = "This link has expired or is not valid. If you followed a link in an email, check that you copied all of it.";
                return (null, null);
            }

            if (ticket.UserId.StartsWith(AnonymousRespondent.Prefix, StringComparison.Ordinal)
                ? ticket.UserId != browsers.Existing(HttpContext)
                : userId is not null && userId != ticket.UserId)
            {
                LinkProblem = "This link was sent to someone else. Sign out and use the link again, or use the link in your own email.";
                return (null, null);
            }
        }
        else
        {
            if (userId is null && !form.IsAnonymous)
            {
                return (Challenge(), null);
            }

            // Anonymous forms need no account: a signed-in person answers once as themselves, anyone else once per browser.
            var respondent = userId ?? browsers.IdFor(HttpContext);

            var place = briefing is { } documentId
                && await db.Documents.AnyAsync(d => d.Id == documentId && d.Type == DocumentType.LearningBriefing, HttpContext.RequestAborted)
                ? FeedbackPlace.Briefing(documentId)
                : FeedbackPlace.Standalone;
            ticket = new FeedbackTicket(form.Id, place, respondent);
            token = tokens.Issue(ticket);
        }

        Token = token;
        if (ticket.Place.DocumentId is { } doc)
        {
            BriefingTitle = await db.Documents.Where(d => d.Id == doc).Select(d => d.PublishedTitle ?? d.Title).FirstOrDefaultAsync(HttpContext.RequestAborted);
        }

        if (ticket.Place.SessionId is { } session)
        {
            SessionTitle = await db.TrainingSessions.Where(s => s.Id == session).Select(s => s.Course.Title).FirstOrDefaultAsync(HttpContext.RequestAborted);
        }

        return (null, ticket);
    }
}
