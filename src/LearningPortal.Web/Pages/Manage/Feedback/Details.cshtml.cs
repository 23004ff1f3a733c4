using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>/manage/feedback/{id}/details: rename, move, or switch between anonymous and named (applies to new answers).</summary>
public class DetailsModel(PortalDbContext db, FeedbackForms forms) : DetailsPageModel(db)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var form = await forms.FindAsync(id, HttpContext.RequestAborted);
        if (form is null)
        {
            return NotFound();
        }

        Id = id;
        Input = FormDetailsInput.From(form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var actor = await this.ActorAsync();
            var result = await forms.UpdateDetailsAsync(id, Input.ToDetails(), actor, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                TempData["Success"] = "Details saved";
                return RedirectToPage("/Manage/Feedback/Form", new { id });
            }

            return this.Refused(result, Page);
        }
        else
        {
            // Show every problem at once, not the anonymity choice first and the rest on the next attempt.
            FormDetailsInput.AddErrors(ModelState, await forms.ValidateAsync(Input.ToDetails(), id, HttpContext.RequestAborted));
        }

        return Page();
    }
}
