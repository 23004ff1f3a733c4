namespace LearningPortal.Web.Themes;

/// <summary>A partnership's branding, read from themes/&lt;name&gt;/theme.json.</summary>
public record Theme
{
    /// <summary>The folder name, which is also the path of its compiled styles under /themes/.</summary>
    public string Key { get; init; } = "default";

    public string Name { get; init; } = "";

    public string ShortName { get; init; } = "";

    public string ServiceName { get; init; } = "Learning Portal";

    public string Organisation { get; init; } = "";

    public string Logo { get; init; } = "logo.svg";

    public string LogoAlt { get; init; } = "";

    public string ContactEmail { get; init; } = "";

    public IReadOnlyList<ThemeLink> FooterLinks { get; init; } = [];

    public string StylesheetPath => $"/themes/{Key}/theme.css";

    public string LogoPath => $"/themes/{Key}/{Logo}";
}

public record ThemeLink(string Text, string Href);
