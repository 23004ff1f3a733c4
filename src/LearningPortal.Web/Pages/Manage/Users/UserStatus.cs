namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>An account's state as administrators talk about it, with the GOV.UK tag colour that shows it.</summary>
public sealed record UserStatus(string Text, string TagClass)
{
    public static UserStatus Of(bool isDisabled, DateTimeOffset? lockoutEnd, bool emailConfirmed, DateTimeOffset now) =>
        isDisabled ? new("Disabled", "govuk-tag--red")
        : lockoutEnd > now ? new("Locked", "govuk-tag--orange")
        : !emailConfirmed ? new("Email not confirmed", "govuk-tag--grey")
        : new("Active", "govuk-tag--green");

    public static UserStatus Of(PortalUser user, DateTimeOffset now) =>
        Of(user.IsDisabled, user.LockoutEnd, user.EmailConfirmed, now);
}
