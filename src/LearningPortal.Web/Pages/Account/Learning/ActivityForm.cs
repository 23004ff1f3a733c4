using LearningPortal.Core.Impact;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>The boxes of "Add learning" and "Change learning", checked on the server with GOV.UK messages.</summary>
public class ActivityForm
{
    public string? Title { get; set; }

    public DateInput On { get; set; } = new();

    public string? Hours { get; set; }

    public string? Participatory { get; set; }

    public string? WhatILearned { get; set; }

    public string? HowItChangesMyPractice { get; set; }

    public string? CodeTheme { get; set; }

    public string? DiscussedWithPeer { get; set; }

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];

    public static IReadOnlyList<SelectListItem> Themes { get; } =
        [.. NmcCodeThemes.All.Select(t => new SelectListItem(NmcCodeThemes.NameOf(t), t.ToString())), new("None of these, or not a nurse, midwife or nursing associate", "")];

    public static ActivityForm From(LearningActivity a) => new()
    {
        Title = a.Title,
        On = DateInput.From(a.On),
        Hours = a.Hours.ToString("0.##", CultureInfo.InvariantCulture),
        Participatory = a.Participatory ? "true" : "false",
        WhatILearned = a.WhatILearned,
        HowItChangesMyPractice = a.HowItChangesMyPractice,
        CodeTheme = a.CodeTheme?.ToString() ?? "",
        DiscussedWithPeer = a.DiscussedWithPeer ? "true" : "false",
    };

    /// <summary>The input, or null with the errors in <paramref name="state"/> (prefix "Input").</summary>
    public LearningActivityInput? Read(ModelStateDictionary state, DateOnly today)
    {
        var title = Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            state.AddModelError("Input.Title", "Enter a title for the learning");
        }
        else if (title.Length > 200)
        {
            state.AddModelError("Input.Title", "Title must be 200 characters or fewer");
        }

        var on = On.Read(state, "Input.On", "Date of the learning");
        if (on is { } d && d > today)
        {
            state.AddModelError("Input.On", "Date of the learning must be today or in the past");
        }

        decimal? hours = null;
        if (string.IsNullOrWhiteSpace(Hours))
        {
            state.AddModelError("Input.Hours", "Enter the number of hours");
        }
        else if (!decimal.TryParse(Hours.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h))
        {
            state.AddModelError("Input.Hours", "Hours must be a number, like 1.5");
        }
        else if (h < 0.25m || h > 100)
        {
            state.AddModelError("Input.Hours", "Hours must be between 0.25 and 100");
        }
        else
        {
            hours = Math.Round(h * 4, MidpointRounding.AwayFromZero) / 4;
        }

        var participatory = YesOrNo(Participatory);
        if (participatory is null)
        {
            state.AddModelError("Input.Participatory", "Select yes if you learned with other people");
        }

        var learned = Text(state, "Input.WhatILearned", WhatILearned, "Enter what you learned", "What you learned");
        var practice = Text(state, "Input.HowItChangesMyPractice", HowItChangesMyPractice, "Enter how it changes your practice", "How it changes your practice");
        NmcCodeTheme? theme = null;
        if (!string.IsNullOrEmpty(CodeTheme))
        {
            if (Enum.TryParse<NmcCodeTheme>(CodeTheme, out var t) && Enum.IsDefined(t))
            {
                theme = t;
            }
            else
            {
                state.AddModelError("Input.CodeTheme", "Select a theme of the Code, or none");
            }
        }

        var peer = YesOrNo(DiscussedWithPeer);
        if (peer is null)
        {
            state.AddModelError("Input.DiscussedWithPeer", "Select yes if you discussed it with a peer");
        }

        return state.IsValid
            ? new LearningActivityInput(title, on!.Value, hours!.Value, participatory!.Value, learned, practice, theme, peer!.Value)
            : null;
    }

    private static bool? YesOrNo(string? value) => value switch { "true" => true, "false" => false, _ => null };

    private static string Text(ModelStateDictionary state, string key, string? value, string missing, string name)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            state.AddModelError(key, missing);
        }
        else if (text.Length > 4000)
        {
            state.AddModelError(key, $"{name} must be 4,000 characters or fewer");
        }

        return text;
    }
}
