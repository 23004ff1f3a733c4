using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Forms;

/// <summary>
/// The one way a page shows a refused <see cref="Outcome"/>: "Page not found" for <see cref="Refusal.NotFound"/>,
/// 403 for <see cref="Refusal.Forbidden"/>, and otherwise the errors in the GOV.UK error summary, in the order the
/// module gave them (field order), with the form shown again.
/// </summary>
public static class OutcomePages
{
    /// <summary>
    /// Puts a refusal's errors on the form in field order. A field error goes under <paramref name="prefix"/> (e.g.
    /// "Input.") unless <paramref name="map"/> names its key; an error for the whole form ("") stays at the top.
    /// </summary>
    public static void AddRefusal(this ModelStateDictionary modelState, Outcome outcome, string prefix = "Input.", Func<string, string?>? map = null)
    {
        foreach (var error in outcome.Errors)
        {
            var key = map?.Invoke(error.Field) ?? (error.Field.Length == 0 ? "" : prefix + error.Field);
            modelState.AddModelError(key, error.Message);
        }
    }

    /// <summary>
    /// What the page answers for a refusal: not found, forbidden, or (errors added to the model state) the form again
    /// from <paramref name="redisplay"/>.
    /// </summary>
    public static IActionResult Refused(this PageModel page, Outcome outcome, Func<IActionResult> redisplay, string prefix = "Input.", Func<string, string?>? map = null) =>
        page.Answer(outcome, prefix, map) ?? redisplay();

    /// <summary>As <see cref="Refused"/>, for a page that reloads what it shows before showing the form again.</summary>
    public static async Task<IActionResult> RefusedAsync(this PageModel page, Outcome outcome, Func<Task<IActionResult>> redisplay, string prefix = "Input.", Func<string, string?>? map = null) =>
        page.Answer(outcome, prefix, map) ?? await redisplay();

    /// <summary>Not found or forbidden; otherwise null, with the errors added to the model state for the form.</summary>
    private static IActionResult? Answer(this PageModel page, Outcome outcome, string prefix, Func<string, string?>? map)
    {
        switch (outcome.Refusal)
        {
            case Refusal.NotFound:
                return page.NotFound();
            case Refusal.Forbidden:
                return page.Forbid();
            default:
                page.ModelState.AddRefusal(outcome, prefix, map);
                return null;
        }
    }
}
