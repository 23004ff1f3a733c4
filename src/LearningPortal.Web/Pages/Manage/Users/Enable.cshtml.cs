using LearningPortal.Core.Auditing;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Confirms re-enabling a disabled account, with an optional reason for the audit log.</summary>
public class EnableModel(PortalDbContext db, UserAdministration administration) : ReasonChangePageModel(db)
{
    protected override string Done => "Account re-enabled";

    protected override Task<Outcome<AccountChange>> ChangeAsync(Actor actor, string id) =>
        administration.EnableAsync(actor, id, Input.ConcurrencyStamp, Input.Reason);
}
