namespace LearningPortal.Core.Feedback;

/// <summary>Which responses the analysis covers. Dates are UK calendar days, inclusive.</summary>
public sealed record FeedbackFilter(DateOnly? From = null, DateOnly? To = null, int? AgencyId = null, int? DocumentId = null, int? SessionId = null)
{
    public bool IsEmpty => From is null && To is null && AgencyId is null && DocumentId is null && SessionId is null;
}

/// <summary>One bar of a distribution: a label and how many chose it.</summary>
public sealed record Bar(string Label, int Count);

/// <summary>Responses submitted in one calendar month of UK time (Europe/London).</summary>
public sealed record MonthCount(int Year, int Month, int Count);

/// <summary>The analysis of one question (all its wordings, grouped by <see cref="FeedbackQuestion.Key"/>).</summary>
public sealed record QuestionSummary(Guid Key, FeedbackQuestionType Type, string Text, bool IsCurrent, IReadOnlyList<string> EarlierWordings, int Answered)
{
    public IReadOnlyList<Bar> Distribution { get; init; } = [];

    public double? Mean { get; init; }

    public double? Median { get; init; }

    /// <summary>Confidence pairs: the "after" half.</summary>
    public IReadOnlyList<Bar> AfterDistribution { get; init; } = [];

    public double? AfterMean { get; init; }

    public double? AfterMedian { get; init; }

    /// <summary>Confidence pairs: mean of (after - before).</summary>
    public double? MeanShift { get; init; }

    public int MoreConfident { get; init; }

    public int NoChange { get; init; }

    public int LessConfident { get; init; }
}

/// <summary>
/// The analysis of a form for a filter: response count, response rate among people invited after sessions,
/// each question's summary in form order, and the monthly trend.
/// </summary>
public sealed record FeedbackReport(int Responses, int SessionResponses, int Invited, IReadOnlyList<QuestionSummary> Questions, IReadOnlyList<MonthCount> Trend)
{
    /// <summary>
    /// The filter left some responses, but fewer than <see cref="Threshold"/>: every figure is withheld (the counts
    /// are zero and the lists empty) and only "fewer than N" may be shown.
    /// </summary>
    public bool IsSuppressed { get; init; }

    /// <summary>The portal's small-numbers threshold when the report was made.</summary>
    public int Threshold { get; init; } = Reporting.SmallNumbers.DefaultThreshold;

    /// <summary>The number of responses as it may be shown: "fewer than N" when suppressed.</summary>
    public Reporting.SuppressedCount Count => IsSuppressed ? new(null, Threshold) : new(Responses, Threshold);

    /// <summary>Responses from sessions as a share of invitations; null when nobody was invited.</summary>
    public double? ResponseRate => Invited == 0 ? null : (double)SessionResponses / Invited;
}

/// <summary>A free-text answer for the comments list.</summary>
/// <remarks>Date and agency are null for anonymous forms: beside the words, they could name the person.</remarks>
public sealed record Comment(string Question, string Text, DateTime? SubmittedUtc, string? Agency);
