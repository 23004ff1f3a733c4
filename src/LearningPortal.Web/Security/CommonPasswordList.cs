using LearningPortal.Web.Infrastructure;

namespace LearningPortal.Web.Security;

/// <summary>The shipped deny-list of common passwords (content/security/common-passwords.txt), loaded once.</summary>
public class CommonPasswordList
{
    private readonly HashSet<string> passwords;

    public CommonPasswordList(PortalPaths paths)
    {
        var file = Path.Combine(paths.Content, "security", "common-passwords.txt");
        passwords = File.Exists(file)
            ? new HashSet<string>(File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')), StringComparer.OrdinalIgnoreCase)
            : throw new FileNotFoundException("The common password deny-list is missing.", file);
    }

    public int Count => passwords.Count;

    /// <summary>True when the password, ignoring case and surrounding spaces, is on the list.</summary>
    public bool Contains(string password) => passwords.Contains(password.Trim());
}
