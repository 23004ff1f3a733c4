namespace LearningPortal.Core.Impact;

/// <summary>
/// Learning a person adds to their own record by hand (a conference, a course elsewhere, reading, shadowing), with the
/// fields Social Work England's CPD record and NMC revalidation ask for. Private to that person; deleted with the account.
/// </summary>
public class LearningActivity
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Title { get; set; } = "";

    public DateOnly On { get; set; }

    /// <summary>Hours spent, to the quarter hour.</summary>
    public decimal Hours { get; set; }

    /// <summary>Learning with other people (NMC: at least 20 of the 35 hours must be participatory).</summary>
    public bool Participatory { get; set; }

    public string WhatILearned { get; set; } = "";

    public string HowItChangesMyPractice { get; set; } = "";

    public NmcCodeTheme? CodeTheme { get; set; }

    /// <summary>Discussed with a peer (Social Work England asks for some CPD to be; NMC asks for a reflective discussion).</summary>
    public bool DiscussedWithPeer { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The four themes of the NMC Code, which a reflective account relates to.</summary>
public enum NmcCodeTheme
{
    PrioritisePeople = 1,
    PractiseEffectively = 2,
    PreserveSafety = 3,
    PromoteProfessionalismAndTrust = 4,
}

/// <summary>The themes' names as the NMC writes them.</summary>
public static class NmcCodeThemes
{
    public static IReadOnlyList<NmcCodeTheme> All { get; } = Enum.GetValues<NmcCodeTheme>();

    public static string NameOf(NmcCodeTheme theme) => theme switch
    {
        NmcCodeTheme.PrioritisePeople => "Prioritise people",
        NmcCodeTheme.PractiseEffectively => "Practise effectively",
        NmcCodeTheme.PreserveSafety => "Preserve safety",
        NmcCodeTheme.PromoteProfessionalismAndTrust => "Promote professionalism and trust",
        _ => theme.ToString(),
    };
}
