using LearningPortal.Core.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Infrastructure;

/// <summary>
/// The one way a page shows a module's refusal (<see cref="Result"/>): "not found" is the not-found page, revealing
/// nothing; every other refusal puts its messages into ModelState and shows the page again, where the GOV.UK error
/// summary lists them in the form's field order, each linked to its field (a message for the whole form first).
/// </summary>
public static class ResultPages
{
    /// <summary>Answers a refused operation: 404 for not found, otherwise the page again with its errors.</summary>
    /// <param name="prefix">The page's input prefix for field errors, e.g. "Input."; not applied to whole-form messages.</param>
    /// <param name="field">Renames a module's field to the page's (e.g. "Options" to "OptionsText"), before the prefix.</param>
    public static IActionResult Refused(this PageModel page, Result result, string prefix = "", Func<string, string>? field = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            throw new InvalidOperationException("Only a refused result can be shown as a refusal.");
        }

        if (result.IsNotFound)
        {
            return page.NotFound();
        }

        page.ModelState.AddErrors(result.Errors, prefix, field);
        return page.Page();
    }

    /// <summary>Copies field errors onto the page's ModelState, keyed by the page's field names.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "", Func<string, string>? field = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var e in errors)
        {
            var name = field?.Invoke(e.Field) ?? e.Field;
            modelState.AddModelError(name.Length == 0 ? "" : prefix + name, e.Message);
        }
    }
}
