using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>/manage/feedback/new: name, address and anonymity of a new form; questions are added next.</summary>
public class NewModel(PortalDbContext db, FeedbackForms forms) : DetailsPageModel(db)
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var actor = await this.ActorAsync();
            var result = await forms.CreateAsync(Input.ToDetails(), actor, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                TempData["Success"] = "Form created: now add its questions";
                return RedirectToPage("/Manage/Feedback/Form", new { id = result.Value });
            }

            ModelState.AddRefusal(result);
        }
        else
        {
            // Show every problem at once, not the anonymity choice first and the rest on the next attempt.
            FormDetailsInput.AddErrors(ModelState, await forms.ValidateAsync(Input.ToDetails(), null, HttpContext.RequestAborted));
        }

        return Page();
    }
}
