namespace LearningPortal.Core.ActionPlans;

/// <summary>A request as an Editor describes it: the question, all agencies or the ones chosen, the due date, and optionally the action.</summary>
public sealed record AssuranceRequestInput(string? Question, bool AllAgencies, IReadOnlyList<int> AgencyIds, DateOnly? DueOn, int? ActionId);

/// <summary>An agency's answer as its lead writes it. <paramref name="Send"/> false saves a draft.</summary>
public sealed record AssuranceAnswerInput(AssuranceRating? Rating, string? Narrative, string? Evidence, string? Links, IReadOnlyList<EvidenceFileInput> Files, bool Send);

/// <summary>An Agency lead acting for their agency (the agency on their account).</summary>
public sealed record AgencyLeadActor(string UserId, string Name, int AgencyId);

/// <summary>Where an agency's answer stands.</summary>
public enum AnswerState
{
    NotAnswered,
    Draft,
    Sent,
}

/// <summary>A request in a list: how many agencies were asked and how many have sent an answer.</summary>
public sealed record AssuranceRequestRow(int Id, string Question, DateOnly DueOn, bool Closed, int Asked, int Answered, string? ActionLabel);

/// <summary>A request as an agency sees it in its list, with where its own answer stands.</summary>
public sealed record AgencyRequestRow(int Id, string Question, DateOnly DueOn, bool Closed, AnswerState State, AssuranceRating? Rating);

/// <summary>One agency's return to a request, for Editors (a draft shows as not answered, without its content).</summary>
public sealed record AgencyReturn(
    int AgencyId, string AgencyName, AnswerState State, AssuranceRating? Rating, string Narrative, string Evidence, IReadOnlyList<string> Links,
    DateTime? SentUtc, DateTime? UpdatedUtc, string? UpdatedByName, DateTime? LastRemindedUtc, int TimesReminded, int LeadCount,
    IReadOnlyList<EvidenceFileView> Files, IReadOnlyList<AnswerRevisionView> History);

/// <summary>One save of an answer, for its history.</summary>
public sealed record AnswerRevisionView(DateTime CreatedUtc, string AuthorName, bool IsDraft, AssuranceRating? Rating, string Narrative, string Evidence, IReadOnlyList<string> Links, int FilesAdded);

/// <summary>A request with every agency asked and their returns, for Editors.</summary>
public sealed record AssuranceRequestDetail(
    int Id, string Question, bool AllAgencies, DateOnly DueOn, int? ActionId, string? ActionLabel, DateTime CreatedUtc, string CreatedByName,
    DateTime? ClosedUtc, int Reminders, IReadOnlyList<AgencyReturn> Returns)
{
    public IEnumerable<AgencyReturn> NotAnswered => Returns.Where(r => r.State != AnswerState.Sent);
}

/// <summary>A request as an agency lead sees it, with their agency's answer (draft included) and its history.</summary>
public sealed record AgencyRequestDetail(
    int Id, string Question, DateOnly DueOn, DateTime? ClosedUtc, string? ActionLabel, string AgencyName,
    AnswerState State, AssuranceRating? Rating, string Narrative, string Evidence, string Links, int Version,
    IReadOnlyList<EvidenceFileView> Files, IReadOnlyList<AnswerRevisionView> History);
