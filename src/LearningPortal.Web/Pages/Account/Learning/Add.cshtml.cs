using LearningPortal.Core.Impact;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>/account/learning/add: learning the person did elsewhere, added to their own record.</summary>
public class AddModel(LearningRecord record, TimeProvider clock) : ActivityPageModel(clock)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ReadInput() is not { } input)
        {
            return Page();
        }

        await record.AddActivityAsync(UserId, input, HttpContext.RequestAborted);
        return BackToRecord($"‘{input.Title}’ added to your learning record");
    }
}
