using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Accounts;

/// <summary>An address mail can be sent to (name@domain.tld), with GOV.UK's messages. [Required] speaks for an empty field.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class PortalEmailAttribute : ValidationAttribute
{
    public const int MaximumLength = 256;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => (value as string)?.Trim() switch
    {
        null or "" => ValidationResult.Success,
        { Length: > MaximumLength } => new ValidationResult($"Email address must be {MaximumLength} characters or fewer"),
        var email when !Shape().IsMatch(email) => new ValidationResult("Enter an email address in the correct format, like name@example.com"),
        _ => ValidationResult.Success,
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Shape();
}

/// <summary>The portal's password length rule (<see cref="PasswordRules"/>) with GOV.UK's messages.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PasswordLengthAttribute : ValidationAttribute
{
    /// <summary>The rule as the hint under a new-password field states it.</summary>
    public const string Hint = "Your password must be between 12 and 128 characters and not a commonly used password. Three random words work well.";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => value switch
    {
        string { Length: > 0 and < PasswordRules.MinimumLength } => new ValidationResult($"Password must be {PasswordRules.MinimumLength} characters or more"),
        string { Length: > PasswordRules.MaximumLength } => new ValidationResult($"Password must be {PasswordRules.MaximumLength} characters or fewer"),
        _ => ValidationResult.Success,
    };
}

public static class IdentityResultExtensions
{
    /// <summary>Puts Identity's password errors on the password field and anything else at the top of the error summary.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordKey)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordKey : "", error.Description);
        }
    }
}
