using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Sends the confirmation link again (<see cref="EmailLinkPageModel"/>: the same answer whether or not the address has an unconfirmed account).</summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.ResendConfirmation, Subject = RateLimitSubject.TypedAddress)]
public class ResendConfirmationModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, AnswerPacing pacing)
    : EmailLinkPageModel(users, db, pacing)
{
    protected override string About => CheckYourEmailModel.NewAccount;

    protected override bool IsFor(PortalUser user) => !user.EmailConfirmed;

    protected override Task QueueAsync(PortalUser user) => emails.QueueEmailConfirmationAsync(user);
}
