using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Forms;

/// <summary>
/// Binds a <see cref="DateInputParts"/> from its boxes (<c>{name}.Day</c>, <c>.Month</c>, <c>.Year</c>, <c>.Time</c>),
/// trimmed, and records each in ModelState so the page shows what was typed when it comes back with an error.
/// Checking the value is the page's (<c>Read</c>), because whether a date is required, and what it is called in
/// the message, belong to the page.
/// </summary>
public sealed class DateInputModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var model = (DateInputParts)Activator.CreateInstance(bindingContext.ModelType)!;
        foreach (var part in model.Parts)
        {
            var key = ModelNames.CreatePropertyModelName(bindingContext.ModelName, part);
            var value = bindingContext.ValueProvider.GetValue(key);
            if (value == ValueProviderResult.None)
            {
                continue;
            }

            bindingContext.ModelState.SetModelValue(key, value);
            // A box is never wrong on its own: errors belong to the whole date input ({name}).
            bindingContext.ModelState.MarkFieldValid(key);
            model.Set(part, value.FirstValue?.Trim());
        }

        bindingContext.Result = ModelBindingResult.Success(model);
        return Task.CompletedTask;
    }
}

/// <summary>Uses <see cref="DateInputModelBinder"/> for every kind of date input.</summary>
public sealed class DateInputModelBinderProvider : IModelBinderProvider
{
    private static readonly DateInputModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        typeof(DateInputParts).IsAssignableFrom(context.Metadata.ModelType) && !context.Metadata.ModelType.IsAbstract ? Binder : null;
}
