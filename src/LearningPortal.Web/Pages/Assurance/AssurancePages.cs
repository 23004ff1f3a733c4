using System.Security.Claims;
using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Assurance;

/// <summary>What the assurance pages share: the signed-in Agency lead and the agency they answer for.</summary>
public static class AssurancePages
{
    /// <summary>The Agency lead acting, with the agency on their account (the only agency they answer for).</summary>
    public static async Task<AgencyLeadActor?> LeadAsync(ClaimsPrincipal user, PortalDbContext db)
    {
        var id = user.UserId();
        var lead = await db.Users.AsNoTracking().Where(u => u.Id == id && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName, u.AgencyId }).SingleOrDefaultAsync();
        return lead is null ? null : new AgencyLeadActor(lead.Id, lead.DisplayName, lead.AgencyId);
    }

    /// <summary>Where an agency's answer stands, in words (the tag colour is only a second cue).</summary>
    public static (string Words, string TagClass) Of(AnswerState state, AssuranceRating? rating) => state switch
    {
        AnswerState.Sent when rating is { } r => (AssuranceWords.Of(r), AssuranceWords.TagClass(r)),
        AnswerState.Draft => ("Draft saved, not sent", "govuk-tag--grey"),
        _ => ("Not answered", "govuk-tag--grey"),
    };

    public static IReadOnlyList<(string Value, string Text, string Hint)> Ratings { get; } =
    [
        (nameof(AssuranceRating.Assured), "Assured", "It is in place and working, and you have evidence"),
        (nameof(AssuranceRating.PartlyAssured), "Partly assured", "Some of it is in place, or the evidence is not complete"),
        (nameof(AssuranceRating.NotAssured), "Not assured", "It is not in place yet"),
    ];
}
