using System.Diagnostics;

namespace LearningPortal.Web.Accounts;

/// <summary>
/// Gives the anonymous email forms (forgotten password, resend confirmation) one answer time whatever the address: the
/// work for an address with an account (a token, an email in the outbox) takes longer than none, and the difference
/// would tell a stranger which addresses have accounts. The answer waits until <c>Accounts:MinimumAnswerTime</c>
/// (default half a second) has passed since the request began; waiting costs no processor time.
/// </summary>
public sealed class AnswerPacing(IConfiguration configuration)
{
    private readonly TimeSpan minimum = configuration.GetValue("Accounts:MinimumAnswerTime", TimeSpan.FromMilliseconds(500));

    /// <summary>When the work began, for <see cref="WaitAsync"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    public async Task WaitAsync(long started, CancellationToken cancellationToken)
    {
        var left = minimum - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, cancellationToken);
        }
    }
}
