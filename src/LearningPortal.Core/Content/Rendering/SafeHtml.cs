using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace LearningPortal.Core.Content.Rendering;

/// <summary>
/// HTML that has been through the sanitiser. Only <see cref="ContentHtmlSanitiser"/> makes one, so a page that
/// writes a <see cref="SafeHtml"/> raw writes nothing an author could have injected.
/// </summary>
public sealed class SafeHtml : IHtmlContent
{
    internal SafeHtml(string value) => Value = value;

    public static SafeHtml Empty { get; } = new("");

    public string Value { get; }

    public bool IsEmpty => Value.Length == 0;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(Value);

    public override string ToString() => Value;
}

/// <summary>A heading in rendered content, for the "On this page" list.</summary>
public sealed record ContentHeading(int Level, string Id, string Text);
