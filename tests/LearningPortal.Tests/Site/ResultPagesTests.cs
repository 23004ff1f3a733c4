using LearningPortal.Core.Results;
using LearningPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Tests.Site;

/// <summary>The one way a page shows a module's refusal.</summary>
public class ResultPagesTests
{
    private sealed class AnyPage : PageModel;

    [Fact]
    public void Not_found_is_the_not_found_page_and_adds_no_errors()
    {
        var page = new AnyPage();

        var response = page.Refused(Refusal.NotFound("The form does not exist"));

        Assert.IsType<NotFoundResult>(response);
        Assert.Equal(0, page.ModelState.ErrorCount);
    }

    [Fact]
    public void Other_refusals_show_the_page_again_with_each_message_on_its_field()
    {
        var page = new AnyPage();
        Result result = Refusal.Invalid([new FieldError("Name", "Enter a name"), new FieldError("Options", "Enter at least 2 options")]);

        var response = page.Refused(result, "Input.", f => f == "Options" ? "OptionsText" : f);

        Assert.IsType<PageResult>(response);
        Assert.Equal("Enter a name", page.ModelState["Input.Name"]!.Errors.Single().ErrorMessage);
        Assert.Equal("Enter at least 2 options", page.ModelState["Input.OptionsText"]!.Errors.Single().ErrorMessage);
    }

    [Fact]
    public void A_message_for_the_whole_form_is_not_given_the_field_prefix()
    {
        var page = new AnyPage();

        page.Refused(Refusal.Conflict("Someone else changed this"), "Input.");

        Assert.Equal("Someone else changed this", page.ModelState[""]!.Errors.Single().ErrorMessage);
    }

    [Fact]
    public void A_result_that_succeeded_is_not_a_refusal()
    {
        Assert.Throws<InvalidOperationException>(() => new AnyPage().Refused(Result.Ok()));
    }

    [Fact]
    public void A_refusal_converts_to_any_result_type_with_no_value()
    {
        Result<int> refused = Refusal.NotAllowed("Too late", DayOfWeek.Monday);
        var ok = Result.Ok(42, "Read as 10:00 BST");

        Assert.False(refused.Succeeded);
        Assert.Equal((RefusalKind.NotAllowed, DayOfWeek.Monday, 0), (refused.Refusal!.Kind, refused.Refusal.Reason, refused.Value));
        Assert.True(ok.Succeeded);
        Assert.Equal((42, "Read as 10:00 BST"), (ok.Value, ok.Warnings.Single()));
        Assert.Empty(ok.Errors);
    }
}
