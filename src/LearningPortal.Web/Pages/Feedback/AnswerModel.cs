using System.Security.Claims;
using LearningPortal.Core.Content;
using LearningPortal.Core.Data;
using LearningPortal.Core.Feedback;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Pages.Feedback;

/// <summary>
/// /feedback/{slug}: answer a form. With a personal link (?token=, from an evaluation email) the token says
/// who answers and where, so no sign-in is needed; otherwise the person signs in and the page issues their
/// token (?briefing= names the briefing they came from). Either way the token is spent on submission, once.
/// </summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.Feedback, Subject = RateLimitSubject.Token, Field = "token")]
public class AnswerModel(PortalDbContext db, FeedbackForms forms, FeedbackTokens tokens, FeedbackAnswering answering) : PageModel
{
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

    public IReadOnlyList<AnswerError> Errors { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Values { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(string slug, string? token, int? briefing)
    {
        var (result, ticket) = await ResolveAsync(slug, token, briefing);
        if (result is not null || ticket is null)
        {
            return result ?? Page();
        }

        if (await answering.HasAnsweredAsync(ticket, HttpContext.RequestAborted))
        {
            return Redirect($"/feedback/{Form.Slug}/thank-you?already=true");
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
        var agencyId = await db.Users.Where(u => u.Id == ticket.UserId).Select(u => (int?)u.AgencyId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        var outcome = await answering.SubmitAsync(Form, ticket, Values, agencyId, HttpContext.RequestAborted);
        switch (outcome.Outcome)
        {
            case SubmissionOutcome.Invalid:
                Errors = outcome.Errors;
                foreach (var e in outcome.Errors)
                {
                    ModelState.AddModelError(e.Field, e.Message);
                }

                return Page();
            case SubmissionOutcome.AlreadyAnswered:
                return Redirect($"/feedback/{Form.Slug}/thank-you?already=true");
            default:
                return Redirect($"/feedback/{Form.Slug}/thank-you");
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

            if (userId is not null && userId != ticket.UserId)
            {
                LinkProblem = "This link was sent to someone else. Sign out and use the link again, or use the link in your own email.";
                return (null, null);
            }
        }
        else
        {
            if (userId is null)
            {
                return (Challenge(), null);
            }

            var place = briefing is { } documentId
                && await db.Documents.AnyAsync(d => d.Id == documentId && d.Type == DocumentType.LearningBriefing, HttpContext.RequestAborted)
                ? FeedbackPlace.Briefing(documentId)
                : FeedbackPlace.Standalone;
            ticket = new FeedbackTicket(form.Id, place, userId);
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
