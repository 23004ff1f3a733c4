using System.Globalization;

namespace LearningPortal.Core.Feedback;

/// <summary>Where a form is answered: after a briefing, after a training session, or standalone (both null).</summary>
public sealed record FeedbackPlace(int? DocumentId, int? SessionId)
{
    public static FeedbackPlace Standalone { get; } = new(null, null);

    public static FeedbackPlace Briefing(int documentId) => new(documentId, null);

    public static FeedbackPlace Session(int sessionId) => new(null, sessionId);

    /// <summary>A compact text form used inside tokens ("d12", "s7" or "-").</summary>
    public string Code => DocumentId is { } d ? "d" + d.ToString(CultureInfo.InvariantCulture)
        : SessionId is { } s ? "s" + s.ToString(CultureInfo.InvariantCulture)
        : "-";

    public static FeedbackPlace? Parse(string code)
    {
        if (code == "-")
        {
            return Standalone;
        }

        if (code.Length < 2 || !int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return code[0] switch
        {
            'd' => Briefing(id),
            's' => Session(id),
            _ => null,
        };
    }
}
