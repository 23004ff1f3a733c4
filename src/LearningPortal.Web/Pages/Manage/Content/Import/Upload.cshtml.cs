using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Import;
using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Pages.Manage.Media;

namespace LearningPortal.Web.Pages.Manage.Content.Import;

/// <summary>What the import form posts: the file, and whether it makes a new document or a new version of one.</summary>
public sealed class ImportForm
{
    public IFormFile? File { get; set; }

    /// <summary>"new" or "version".</summary>
    public string? Target { get; set; }

    public string? DocumentId { get; set; }
}

/// <summary>
/// Step 1 of importing: upload a Word document or PDF. The file is checked and read before anything is kept; a file
/// that can be imported goes into the media library (as the original) and the Editor reviews the proposed draft.
/// </summary>
[MediaUploadLimits]
public class UploadModel(DocumentImporter importer, MediaLibrary media, PortalDbContext db) : PageModel
{
    [BindProperty]
    public ImportForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Documents { get; private set; } = [];

    public string Hint => $"A Word document (.docx) or a PDF with text in it, smaller than {MediaFormatting.Size(media.MaxUploadBytes)}";

    public static IReadOnlyList<SelectListItem> Targets { get; } =
        [new("A new document", "new"), new("A new version of an existing document", "version")];

    public async Task OnGetAsync(int? document)
    {
        Input.Target = document is null ? "new" : "version";
        Input.DocumentId = document?.ToString(CultureInfo.InvariantCulture);
        await LoadDocumentsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadDocumentsAsync();
        // Errors in the order of the fields: file, what to create, which document.
        if (Input.File is null || (Input.File.Length == 0 && string.IsNullOrEmpty(Input.File.FileName)))
        {
            ModelState.AddModelError("Input.File", "Select a Word document or PDF");
        }
        else if (Input.File.Length > media.MaxUploadBytes)
        {
            ModelState.AddModelError("Input.File", media.TooLargeMessage);
        }

        int? documentId = null;
        if (Input.Target is not ("new" or "version"))
        {
            ModelState.AddModelError("Input.Target", "Select whether to create a new document or a new version");
        }
        else if (Input.Target == "version")
        {
            documentId = int.TryParse(Input.DocumentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && await db.Documents.AnyAsync(d => d.Id == id && d.Type != DocumentType.ToolkitResource) ? id : null;
            if (documentId is null)
            {
                ModelState.AddModelError("Input.DocumentId", "Select the document to add a new version to");
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        await using var content = Input.File!.OpenReadStream();
        var uploaded = await importer.UploadAsync(content, Input.File.FileName, await this.ActorAsync(), HttpContext.RequestAborted);
        if (!uploaded.Succeeded)
        {
            return this.Refused(uploaded, Page, map: _ => "Input.File");
        }

        return RedirectToPage("/Manage/Content/Import/Review", new { id = uploaded.Value!.Id, document = documentId });
    }

    private async Task LoadDocumentsAsync()
    {
        var documents = await db.Documents.AsNoTracking().Where(d => d.Type != DocumentType.ToolkitResource)
            .OrderBy(d => d.Title).Select(d => new { d.Id, d.Title, d.Type }).ToListAsync();
        Documents = documents.Select(d => new SelectListItem($"{d.Title} ({ContentNames.Name(d.Type)})", d.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
