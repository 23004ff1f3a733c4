using LearningPortal.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>What the create and change-details pages share: the input and the course list.</summary>
public abstract class DetailsPageModel(PortalDbContext db) : PageModel
{
    [BindProperty]
    public FormDetailsInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Courses { get; private set; } = [];

    protected PortalDbContext Db => db;

    protected async Task LoadCoursesAsync() => Courses = await FormDetailsInput.CourseChoicesAsync(db);
}
