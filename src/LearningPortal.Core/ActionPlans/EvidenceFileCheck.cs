using LearningPortal.Core.Common;
using LearningPortal.Core.Content.Media;

namespace LearningPortal.Core.ActionPlans;

/// <summary>A checked evidence file: its safe name, its type from its bytes, and its content.</summary>
public sealed record CheckedEvidenceFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Checks evidence files as the media library does: the type comes from the bytes (PDF, Office, images), never from
/// the name; empty, too large or too many files are refused with a message for the field.
/// </summary>
public static class EvidenceFileCheck
{
    public static (List<FieldError> Errors, List<CheckedEvidenceFile> Files) Check(IReadOnlyList<EvidenceFileInput> input, string field, ActionPlanOptions options)
    {
        var errors = new List<FieldError>();
        var files = new List<CheckedEvidenceFile>();
        if (input.Count > options.MaxFilesPerUpdate)
        {
            errors.Add(new(field, $"Add {options.MaxFilesPerUpdate} files or fewer at once"));
            return (errors, files);
        }

        var max = options.MaxEvidenceFileBytes;
        foreach (var file in input)
        {
            using var stream = new MemoryStream(file.Content, writable: false);
            var name = Path.GetFileName(file.FileName);
            if (file.Content.Length == 0)
            {
                errors.Add(new(field, $"{name} is empty"));
            }
            else if (file.Content.Length > max)
            {
                errors.Add(new(field, $"{name} must be smaller than {max / (1024 * 1024)} MB"));
            }
            else if (MediaTypes.Sniff(stream, name) is not { } type)
            {
                errors.Add(new(field, $"{name} must be a PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF or WebP file"));
            }
            else
            {
                files.Add(new CheckedEvidenceFile(name.Length > 255 ? name[^255..] : name, type.ContentType, file.Content));
            }
        }

        return (errors, files);
    }

    /// <summary>Links one a line; true when each is an absolute http(s) address.</summary>
    public static bool LinksAreValid(IReadOnlyList<string> links) =>
        links.All(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && l.Length <= 1000);

    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
