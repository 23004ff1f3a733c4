namespace LearningPortal.Core.Settings;

/// <summary>A setting Administrators change while the site runs (stored, so every instance sees it).</summary>
public class SiteSetting
{
    /// <summary>A dotted key, e.g. "content.require-review".</summary>
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedByName { get; set; } = "";
}
