using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Sends a reset link (<see cref="EmailLinkPageModel"/>: the same answer whether or not the address has an account).</summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.ForgottenPassword, Subject = RateLimitSubject.TypedAddress)]
public class ForgottenPasswordModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, AnswerPacing pacing)
    : EmailLinkPageModel(users, db, pacing)
{
    protected override string About => CheckYourEmailModel.PasswordReset;

    protected override Task QueueAsync(PortalUser user) => emails.QueuePasswordResetAsync(user);
}
