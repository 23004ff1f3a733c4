using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Security;

/// <summary>
/// Password rules from current NCSC and NIST guidance: length matters, composition rules do not,
/// and passwords that attackers try first are refused.
/// </summary>
public class PasswordRules(CommonPasswordList commonPasswords) : IPasswordValidator<PortalUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        password ??= "";
        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Password must be {MaximumLength} characters or fewer",
            }));
        }

        if (commonPasswords.Contains(password)
            || (user.Email is { Length: > 0 } email && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 6))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Password is too easy to guess. Choose a password that is not commonly used, such as three random words",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
