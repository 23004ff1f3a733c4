namespace LearningPortal.Web.Security.RateLimiting;

/// <summary>Whose attempts a limit counts besides the network's: what the person typed or which account they are signing in to.</summary>
public enum RateLimitSubject
{
    /// <summary>Only the network (IP address) is counted.</summary>
    None,

    /// <summary>The email address typed in the form field <see cref="RateLimitedAttribute.Field"/>, whether or not it has an account.</summary>
    TypedAddress,

    /// <summary>The account between password and second factor (Identity's two-factor cookie).</summary>
    SecondStepAccount,

    /// <summary>The personal token in the address (route value or query string <see cref="RateLimitedAttribute.Field"/>).</summary>
    Token,
}

/// <summary>
/// Puts a page under one of the portal's rate limits (<see cref="PortalRateLimitOptions"/>): its form posts (and, with
/// <see cref="CountReads"/>, its reads) are counted per network and per <see cref="Subject"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RateLimitedAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;

    public RateLimitSubject Subject { get; init; } = RateLimitSubject.None;

    /// <summary>The form field (TypedAddress) or route/query value (Token) that names the subject.</summary>
    public string Field { get; init; } = "Input.Email";

    /// <summary>Whether GET requests count too (a link whose token could be guessed).</summary>
    public bool CountReads { get; init; }
}
