namespace LearningPortal.Tests.Site;

/// <summary>One Set-Cookie header, split into its name and lower-cased attributes.</summary>
public sealed record SetCookie(string Name, IReadOnlySet<string> Attributes)
{
    public static SetCookie Find(HttpResponseMessage response, string name)
    {
        var header = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
        Assert.True(header is not null, $"No {name} cookie was set. Set-Cookie: {string.Join(" | ", values ?? [])}");
        var attributes = header.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToHashSet();
        return new SetCookie(name, attributes);
    }

    public bool Secure => Attributes.Contains("secure");

    public bool HttpOnly => Attributes.Contains("httponly");

    public string? SameSite => Attributes.FirstOrDefault(a => a.StartsWith("samesite=", StringComparison.Ordinal))?["samesite=".Length..];
}
