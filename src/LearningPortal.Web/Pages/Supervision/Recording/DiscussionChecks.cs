using LearningPortal.Core.Supervision;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Pages.Supervision.Recording;

/// <summary>The checks on a discussion's kind, date and participants, shared by starting a record and correcting a draft.</summary>
public static class DiscussionChecks
{
    /// <summary>The kind chosen, or null (with an error if something unknown was sent).</summary>
    public static DiscussionKind? Kind(ModelStateDictionary state, string field, string? value)
    {
        var kind = Enum.TryParse<DiscussionKind>(value, out var k) && Enum.IsDefined(k) ? k : (DiscussionKind?)null;
        if (value is not null && kind is null)
        {
            state.AddModelError(field, "Select what kind of discussion it was");
        }

        return kind;
    }

    /// <summary>The date of the discussion: entered, real, and not in the future.</summary>
    public static DateOnly? HeldOn(ModelStateDictionary state, string field, DateInput parts, DateOnly today)
    {
        var heldOn = parts.Read(state, field, "Date of the discussion");
        if (heldOn > today)
        {
            state.AddModelError(field, "Date of the discussion must be today or in the past");
        }

        return heldOn;
    }

    /// <summary>The participants' user ids from email addresses (one a line, or separated by commas or spaces), checked against the kind.</summary>
    public static async Task<IReadOnlyList<string>> ParticipantsAsync(
        ModelStateDictionary state, string field, DiscussionRecords records, string? text, DiscussionKind? kind, string me)
    {
        if (text is null)
        {
            return [];
        }

        var emails = text.Split(['\n', '\r', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        var (found, missing) = await records.FindPeopleAsync(emails);
        if (missing.Count > 0)
        {
            state.AddModelError(field, $"No account uses {string.Join(", ", missing)}: check the email address, or ask them to create an account");
        }
        else if (found.Any(f => f.Id == me))
        {
            state.AddModelError(field, "Enter the email addresses of the people who took part, not your own");
        }
        else if (kind == DiscussionKind.OneToOne && found.Count != 1)
        {
            state.AddModelError(field, "Enter one email address for one-to-one supervision");
        }
        else if ((kind is DiscussionKind.Group or DiscussionKind.TeamMeeting) && found.Count < 2)
        {
            state.AddModelError(field, "Enter at least two email addresses for group supervision or a team meeting");
        }

        return found.Select(f => f.Id).ToList();
    }
}
