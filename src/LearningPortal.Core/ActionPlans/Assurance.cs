namespace LearningPortal.Core.ActionPlans;

/// <summary>How assured an agency says the partnership can be.</summary>
public enum AssuranceRating
{
    Assured,
    PartlyAssured,
    NotAssured,
}

/// <summary>
/// The partnership asks agencies for assurance: a question, the agencies asked (all, or some), a due date and optionally
/// the action it belongs to. Agency leads answer for their agency until the request is closed.
/// </summary>
public class AssuranceRequest
{
    public int Id { get; set; }

    public string Question { get; set; } = "";

    /// <summary>True when every agency was asked (the agencies active then are listed in <see cref="Agencies"/>).</summary>
    public bool AllAgencies { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>The action it belongs to, if any.</summary>
    public int? ActionId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedByName { get; set; } = "";

    /// <summary>Set once closed: answers can no longer be changed.</summary>
    public DateTime? ClosedUtc { get; set; }

    /// <summary>How many reminders have been sent; a reminder form carries the count it showed, so one click sends once.</summary>
    public int Reminders { get; set; }

    public List<AssuranceRequestAgency> Agencies { get; set; } = [];
}

/// <summary>An agency asked by a request, with when it was last reminded.</summary>
public class AssuranceRequestAgency
{
    public int RequestId { get; set; }

    public int AgencyId { get; set; }

    public DateTime? LastRemindedUtc { get; set; }

    public int TimesReminded { get; set; }
}

/// <summary>
/// An agency's answer to a request as it stands: a draft until sent, then updated until the request closes. Every save
/// is kept in <see cref="AssuranceAnswerRevision"/>. <see cref="Version"/> catches two leads saving at once.
/// </summary>
public class AssuranceAnswer
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public int AgencyId { get; set; }

    public AssuranceRating? Rating { get; set; }

    public string Narrative { get; set; } = "";

    /// <summary>Evidence in words.</summary>
    public string Evidence { get; set; } = "";

    /// <summary>Evidence links, one a line (http or https only).</summary>
    public string Links { get; set; } = "";

    /// <summary>True until the agency first sends its answer; a draft is not shown to Editors.</summary>
    public bool IsDraft { get; set; } = true;

    /// <summary>When the answer was first sent.</summary>
    public DateTime? SentUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedByName { get; set; } = "";

    public int Version { get; set; } = 1;

    public List<AssuranceEvidenceFile> Files { get; set; } = [];
}

/// <summary>One save of an answer (draft or sent): the history that is kept.</summary>
public class AssuranceAnswerRevision
{
    public long Id { get; set; }

    public int AnswerId { get; set; }

    public string? AuthorUserId { get; set; }

    public string AuthorName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public AssuranceRating? Rating { get; set; }

    public string Narrative { get; set; } = "";

    public string Evidence { get; set; } = "";

    public string Links { get; set; } = "";

    public bool IsDraft { get; set; }

    public int FilesAdded { get; set; }
}

/// <summary>
/// A file given as evidence with an answer: private to Editors and the agency's leads, found by a random key together
/// with the request, never by a guessable address; its type is checked from its bytes as in the media library.
/// </summary>
public class AssuranceEvidenceFile
{
    public int Id { get; set; }

    public int AnswerId { get; set; }

    public int RequestId { get; set; }

    public int AgencyId { get; set; }

    public Guid Key { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public DateTime AddedUtc { get; set; }

    public byte[] Content { get; set; } = [];
}

/// <summary>Words for ratings: a rating always shows as words, colour is only a second cue.</summary>
public static class AssuranceWords
{
    public static string Of(AssuranceRating rating) => rating switch
    {
        AssuranceRating.Assured => "Assured",
        AssuranceRating.PartlyAssured => "Partly assured",
        _ => "Not assured",
    };

    public static string TagClass(AssuranceRating? rating) => rating switch
    {
        AssuranceRating.Assured => "govuk-tag--green",
        AssuranceRating.PartlyAssured => "govuk-tag--yellow",
        AssuranceRating.NotAssured => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };
}
