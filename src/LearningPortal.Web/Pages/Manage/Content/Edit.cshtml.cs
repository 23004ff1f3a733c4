using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Web.Content;
using LearningPortal.Web.Pages.Content;
using LearningPortal.Web.Pages.Manage.Media;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>
/// Creates a document (/manage/content/new/{type}) or edits one (/manage/content/{id}): save a draft, preview the
/// unsaved draft as readers will see it, or save and publish now.
/// </summary>
public class EditModel(PortalDbContext db, ContentLibrary library, ContentEditor editor, ContentPublisher publisher, DocumentViews views, MediaLibrary media) : PageModel
{
    [BindProperty]
    public DraftForm Input { get; set; } = new();

    /// <summary>The version the editor opened; a newer save by someone else turns this save into a conflict.</summary>
    [BindProperty]
    public int BasedOnVersion { get; set; }

    /// <summary>Which button was pressed: save, preview, publish or edit (back from a preview).</summary>
    [BindProperty]
    public string? Intent { get; set; }

    public DocumentType Type { get; private set; }

    public int? DocumentId { get; private set; }

    public Document? Document { get; private set; }

    /// <summary>The rendered draft when previewing.</summary>
    public DocumentView? Preview { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>A briefing's choice of feedback form: every form by name, then none.</summary>
    public IReadOnlyList<SelectListItem> FeedbackFormChoices { get; private set; } = [];

    /// <summary>A toolkit resource's choice of files: every item in the media library.</summary>
    public IReadOnlyList<SelectListItem> MediaChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? type)
    {
        if (!await LoadAsync(id, type))
        {
            return NotFound();
        }

        if (id is { } documentId)
        {
            var latest = await library.GetLatestAsync(documentId);
            if (latest is null)
            {
                return NotFound();
            }

            Input = DraftForm.From(latest.Fields, latest.Version.Slug, latest.Version.Body);
            BasedOnVersion = latest.Version.Number;
        }
        else
        {
            Input = DraftForm.From(DocumentTypes.NewFields(Type), "", "");
        }

        Input.AddBlankRows();
        await LoadFeedbackFormChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? type)
    {
        if (!await LoadAsync(id, type))
        {
            return NotFound();
        }

        await LoadFeedbackFormChoicesAsync();
        if (Intent == "edit" || (Type == DocumentType.LearningBriefing && Input.ApplyRowCommand(Intent)))
        {
            // Back from a preview, or a row added, removed or moved: the same form again, nothing saved, no errors yet.
            ModelState.Clear();
            return Page();
        }

        var formErrors = new List<FieldError>();
        var draft = Input.ToDraft(Type, formErrors);
        IReadOnlyList<FieldError> errors = [.. formErrors, .. await editor.ValidateAsync(Type, DocumentId, draft)];
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (Intent == "preview")
        {
            Preview = await views.PreviewAsync(Document ?? new Document { Type = Type }, draft.Fields, draft.Body, draft.Slug);
            return Page();
        }

        var actor = await this.ActorAsync();
        var saved = DocumentId is { } documentId
            ? await editor.SaveDraftAsync(documentId, BasedOnVersion, draft, actor)
            : await editor.CreateAsync(draft, actor);
        if (!saved.Succeeded)
        {
            return Invalid(saved.Errors);
        }

        var version = saved.Value!;
        if (Intent == "publish")
        {
            var published = await publisher.PublishAsync(version.DocumentId, version.Number, actor);
            if (!published.Succeeded)
            {
                TempData["Error"] = $"Version {version.Number} was saved as a draft but not published: {string.Join("; ", published.Errors.Select(e => e.Message))}";
                return RedirectToPage("/Manage/Content/Publish", new { id = version.DocumentId });
            }

            TempData["Success"] = $"{version.Title} is published";
            return RedirectToPage("/Manage/Content/Publish", new { id = version.DocumentId });
        }

        TempData["Success"] = $"Draft saved as version {version.Number}";
        // A new document was posted to manage/content/new/{type}; its ambient route values would pick that route again (or
        // none), so the edit page's address is made without them.
        var links = HttpContext.RequestServices.GetRequiredService<LinkGenerator>();
        return Redirect(links.GetPathByPage("/Manage/Content/Edit", values: new { id = version.DocumentId }, pathBase: Request.PathBase)!);
    }

    private PageResult Invalid(IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            var key = DraftForm.KeyFor(error.Field);
            // One message a field: "must be a real date" from the form, not also "Enter the date" from the fields' rules.
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && key.Length > 0)
            {
                continue;
            }

            ModelState.AddModelError(key, error.Message);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, string? type)
    {
        if (id is { } documentId)
        {
            Document = await library.GetDocumentAsync(documentId);
            if (Document?.Type == DocumentType.ToolkitResource)
            {
                await LoadMediaChoicesAsync();
            }

            if (Document is null)
            {
                return false;
            }

            DocumentId = documentId;
            Type = Document.Type;
            return true;
        }

        if (DocumentTypes.FromKey(type) is { } newType)
        {
            Type = newType;
            if (Type == DocumentType.ToolkitResource)
            {
                await LoadMediaChoicesAsync();
            }

            return true;
        }

        return false;
    }

    private async Task LoadFeedbackFormChoicesAsync()
    {
        if (Type != DocumentType.LearningBriefing)
        {
            return;
        }

        var forms = await db.FeedbackForms.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Name, f.Slug }).ToListAsync();
        var choices = forms.Select(f => new SelectListItem($"{f.Name} ({f.Slug})", f.Slug)).ToList();
        var chosen = Input.FeedbackForm?.Trim() ?? "";
        if (chosen.Length > 0 && chosen != LearningBriefingFields.NoFeedbackForm && !forms.Exists(f => f.Slug == chosen))
        {
            // A form renamed or never there: kept in the list, so a save shows the error with what was chosen.
            choices.Add(new SelectListItem($"{chosen} (no form has this web address)", chosen));
        }

        choices.Add(new SelectListItem("No feedback form", LearningBriefingFields.NoFeedbackForm));
        FeedbackFormChoices = choices;
    }

    private async Task LoadMediaChoicesAsync()
    {
        var items = await media.ListAsync();
        MediaChoices = items.OrderBy(i => i.Title, StringComparer.CurrentCultureIgnoreCase)
            .Select(i => new SelectListItem($"{i.Title} ({MediaFormatting.TypeName(i)}, {MediaFormatting.Size(i.SizeBytes)})", i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
