namespace LearningPortal.Core.Impact;

/// <summary>
/// A signed-in person opened a published briefing on a day (UK time). One row per person, briefing and day, so a
/// person counts once a day however often they reload. Impact's own table: written by <see cref="ReadWriter"/>
/// off the request path, never shown to anyone as a person's history, only counted by agency and month.
/// </summary>
public class BriefingRead
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>Null once the account is deleted: the read still counts, but belongs to nobody.</summary>
    public string? UserId { get; set; }

    /// <summary>The reader's agency on the day, for reach by agency.</summary>
    public int AgencyId { get; set; }

    /// <summary>The day in UK time.</summary>
    public DateOnly Day { get; set; }
}

/// <summary>Views of a briefing by people who were not signed in, counted per day and nothing else: no address, no cookie, no person.</summary>
public class AnonymousBriefingViews
{
    public int DocumentId { get; set; }

    public DateOnly Day { get; set; }

    public int Views { get; set; }
}
