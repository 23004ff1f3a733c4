using LearningPortal.Core.Feedback;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>A form's details as typed on the create and change pages.</summary>
public class FormDetailsInput
{
    public string? Name { get; set; }

    public string? Slug { get; set; }

    [Required(ErrorMessage = "Select whether answers are anonymous")]
    public bool? IsAnonymous { get; set; }

    public string? Intro { get; set; }

    /// <summary>Anonymous forms: ask, as an optional question, which agency the person works for.</summary>
    public bool AsksAgency { get; set; }

    public FormDetails ToDetails() => new(Name ?? "", Slug ?? "", IsAnonymous == true, Intro ?? "", AsksAgency);

    public static FormDetailsInput From(FeedbackForm form) => new()
    {
        Name = form.Name,
        Slug = form.Slug,
        IsAnonymous = form.IsAnonymous,
        Intro = form.Intro,
        AsksAgency = form.AsksAgency,
    };

    public static IReadOnlyList<SelectListItem> AnonymityChoices { get; } =
    [
        new("Anonymous: no name or account is stored with the answers", "true"),
        new("Named: the person's account is stored with the answers", "false"),
    ];

    /// <summary>Copies the form's own checks (shown all at once before Core is asked) onto the page's fields.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input.")
    {
        foreach (var e in errors)
        {
            modelState.AddModelError(prefix + e.Field, e.Message);
        }
    }
}
