using LearningPortal.Core.Auditing;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Confirms disabling an account, with an optional reason for the audit log.</summary>
public class DisableModel(PortalDbContext db, UserAdministration administration) : ReasonChangePageModel(db)
{
    protected override string Done => "Account disabled";

    protected override Task<Outcome<AccountChange>> ChangeAsync(Actor actor, string id) =>
        administration.DisableAsync(actor, id, Input.ConcurrencyStamp, Input.Reason);
}
