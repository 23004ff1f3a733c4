using LearningPortal.Core.Content.Media;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>How the media pages (and the public toolkit page) describe a file: its kind and size in words.</summary>
public static class MediaFormatting
{
    public static string TypeName(MediaItem item) =>
        MediaTypes.All.FirstOrDefault(t => t.ContentType == item.ContentType)?.Name ?? item.ContentType;

    /// <summary>"240 KB", "1.2 MB": as GOV.UK shows attachment sizes.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Max(1, bytes / 1024)} KB",
        _ => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    public static string Address(MediaItem item) => item.Address;
}
