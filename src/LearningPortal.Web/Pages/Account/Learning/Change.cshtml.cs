using LearningPortal.Core.Impact;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>/account/learning/{id}: change learning the person added; anyone else's id is "page not found".</summary>
public class ChangeModel(LearningRecord record, TimeProvider clock) : ActivityPageModel(clock)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await record.FindActivityAsync(UserId, id, HttpContext.RequestAborted) is not { } activity)
        {
            return NotFound();
        }

        Id = id;
        Input = ActivityForm.From(activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Id = id;
        if (await record.FindActivityAsync(UserId, id, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        if (ReadInput() is not { } input)
        {
            return Page();
        }

        if (!await record.ChangeActivityAsync(UserId, id, input, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return BackToRecord($"‘{input.Title}’ changed");
    }
}
