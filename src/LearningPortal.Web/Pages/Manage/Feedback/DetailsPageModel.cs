namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>What the create and change-details pages share: the input.</summary>
public abstract class DetailsPageModel(PortalDbContext db) : PageModel
{
    [BindProperty]
    public FormDetailsInput Input { get; set; } = new();

    protected PortalDbContext Db => db;
}
