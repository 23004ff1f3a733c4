namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// The order in which the page rendered its form fields (their ModelState keys), so the error summary can list
/// errors in the order of the fields on the page whatever order the page model checked them in. Every GOV.UK
/// field tag helper records itself as it is rendered.
/// </summary>
public static class FieldOrder
{
    private static readonly object ItemsKey = new();

    public static void Record(ViewContext viewContext, string key)
    {
        var items = viewContext.HttpContext.Items;
        if (items[ItemsKey] is not List<string> keys)
        {
            items[ItemsKey] = keys = [];
        }

        if (!keys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            keys.Add(key);
        }
    }

    /// <summary>The keys rendered so far, in page order.</summary>
    public static IReadOnlyList<string> Rendered(ViewContext viewContext) =>
        viewContext.HttpContext.Items[ItemsKey] as List<string> ?? [];
}
