using System.Collections;
using System.Reflection;
using LearningPortal.Core.Content;

namespace LearningPortal.Tests.Content.Public;

/// <summary>Every free-text field of every document type, and the body, carrying each XSS payload, published and read as a page.</summary>
public class XssThroughEveryFieldTests(ContentSite site) : IClassFixture<ContentSite>
{
    // Keys and addresses are validated against fixed patterns, so a payload cannot be saved in them at all.
    // The feedback form names an existing form (the editor refuses any other text), so it cannot carry a payload.
    private static readonly HashSet<string> KeyFields = [nameof(LearningBriefingFields.Themes), nameof(ToolkitResourceFields.RelatedBriefings), nameof(LearningBriefingFields.FeedbackForm)];

    public static TheoryData<DocumentType> Types() => new(DocumentTypes.All);

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Xss_payloads_in_every_field_never_reach_the_page_executable(DocumentType type)
    {
        using var client = site.CreatePortalClient();
        foreach (var payload in HtmlSafety.Payloads)
        {
            var fields = Build.For(type);
            var poisoned = Poison(fields, payload);
            Assert.True(poisoned >= 2, $"Only {poisoned} fields were filled for {type}");
            var slug = Build.Slug("xss");
            await site.PublishNewAsync(fields, slug, body: "Intro\n\n" + payload + "\n\n## Heading " + payload);

            var page = await client.GetDocumentAsync(DocumentTypes.PathFor(type, slug));

            HtmlSafety.AssertNothingExecutable(page, $"{type} with {payload}");
        }

        // Lists and feeds carry the title and summary too.
        foreach (var path in new[] { "/learning", "/toolkit", "/strategy" })
        {
            HtmlSafety.AssertNothingExecutable(await client.GetDocumentAsync(path), path);
        }
    }

    /// <summary>Sets every string (and list of strings, and strings inside list items) to the payload; returns how many.</summary>
    private static int Poison(object target, string payload)
    {
        var count = 0;
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !KeyFields.Contains(p.Name)))
        {
            if (property.PropertyType == typeof(string))
            {
                property.SetValue(target, payload);
                count++;
            }
            else if (property.PropertyType == typeof(List<string>))
            {
                property.SetValue(target, new List<string> { payload, "plain " + payload });
                count++;
            }
            else if (property.GetValue(target) is IList list && property.PropertyType.IsGenericType)
            {
                var itemType = property.PropertyType.GetGenericArguments()[0];
                if (itemType.IsClass && itemType != typeof(string))
                {
                    if (list.Count == 0)
                    {
                        list.Add(Activator.CreateInstance(itemType));
                    }

                    foreach (var item in list)
                    {
                        count += Poison(item!, payload);
                    }
                }
            }
        }

        return count;
    }
}
