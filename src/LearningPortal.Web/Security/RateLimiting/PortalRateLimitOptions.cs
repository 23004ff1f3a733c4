namespace LearningPortal.Web.Security.RateLimiting;

/// <summary>One limit: at most <see cref="PerNetwork"/> attempts from one network and <see cref="PerSubject"/> for one address or account in each <see cref="Window"/>.</summary>
public sealed record RateLimitRule(int PerNetwork, int PerSubject, TimeSpan Window);

/// <summary>
/// The portal's rate limits, by policy name; configuration <c>RateLimits:{Policy}:PerNetwork</c>, <c>:PerSubject</c> and
/// <c>:Window</c> override the defaults here (see docs/security.md).
/// </summary>
public sealed class PortalRateLimitOptions
{
    public const string SignIn = "SignIn";
    public const string SecondStep = "SecondStep";
    public const string ForgottenPassword = "ForgottenPassword";
    public const string ResendConfirmation = "ResendConfirmation";
    public const string CreateAccount = "CreateAccount";
    public const string Feedback = "Feedback";
    public const string Approval = "Approval";

    /// <summary>
    /// Defaults sized for a partnership whose staff may share one public address (a council's network): generous per
    /// network, tight per address, which is where guessing and email flooding are aimed.
    /// </summary>
    public static IReadOnlyDictionary<string, RateLimitRule> Defaults { get; } = new Dictionary<string, RateLimitRule>
    {
        [SignIn] = new(PerNetwork: 100, PerSubject: 10, Window: TimeSpan.FromMinutes(5)),
        [SecondStep] = new(PerNetwork: 100, PerSubject: 10, Window: TimeSpan.FromMinutes(5)),
        [ForgottenPassword] = new(PerNetwork: 30, PerSubject: 3, Window: TimeSpan.FromMinutes(15)),
        [ResendConfirmation] = new(PerNetwork: 30, PerSubject: 3, Window: TimeSpan.FromMinutes(15)),
        [CreateAccount] = new(PerNetwork: 30, PerSubject: 3, Window: TimeSpan.FromMinutes(15)),
        [Feedback] = new(PerNetwork: 60, PerSubject: 10, Window: TimeSpan.FromMinutes(10)),
        [Approval] = new(PerNetwork: 60, PerSubject: 20, Window: TimeSpan.FromMinutes(10)),
    };

    public Dictionary<string, RateLimitRule> Rules { get; } = new(Defaults);

    /// <summary>The defaults with whatever the <c>RateLimits</c> section sets.</summary>
    public static PortalRateLimitOptions From(IConfiguration configuration)
    {
        var options = new PortalRateLimitOptions();
        foreach (var (name, rule) in Defaults)
        {
            var section = configuration.GetSection("RateLimits").GetSection(name);
            options.Rules[name] = new RateLimitRule(
                section.GetValue("PerNetwork", rule.PerNetwork),
                section.GetValue("PerSubject", rule.PerSubject),
                section.GetValue("Window", rule.Window));
        }

        return options;
    }
}
