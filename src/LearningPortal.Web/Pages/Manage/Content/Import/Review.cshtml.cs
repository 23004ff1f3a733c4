using System.Security.Cryptography;
using System.Text;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Import;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Web.Pages.Manage.Content.Import;

/// <summary>
/// Step 2 of importing: the proposed draft, field by field, with what was found, the heading it came under and
/// anything to check. The Editor corrects it and saves it as a new document or a new version; the draft then follows
/// the normal review and publishing path. The proposal is read again from the original in the media library, so
/// nothing is held between requests.
/// </summary>
public class ReviewModel(DocumentImporter importer, MediaLibrary media, ContentLibrary library, ContentEditor editor, PortalDbContext db) : PageModel
{
    /// <summary>Types an import can propose (a toolkit resource is a file with a short page: upload it to the media library instead).</summary>
    public static IReadOnlyList<DocumentType> ImportTypes { get; } = [DocumentType.LearningBriefing, DocumentType.Strategy, DocumentType.Page];

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    [BindProperty]
    public int BasedOnVersion { get; set; }

    /// <summary>What the Editor chose for each image of the document, in the document's order.</summary>
    [BindProperty]
    public List<ImageChoice> Images { get; set; } = [];

    /// <summary>The document the draft becomes a new version of, if any.</summary>
    [BindProperty(SupportsGet = true, Name = "document")]
    public int? TargetId { get; set; }

    /// <summary>The type the Editor chose for a new document (a key such as "strategy"), else the document decides.</summary>
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeKey { get; set; }

    public MediaItem Original { get; private set; } = default!;

    public Document? Target { get; private set; }

    public ImportProposal? Proposal { get; private set; }

    public DocumentType Type { get; private set; }

    public IReadOnlyList<string> KeptFromLatest { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FeedbackFormChoices { get; private set; } = [];

    public IEnumerable<SelectListItem> TypeChoices =>
        ImportTypes.Select(t => new SelectListItem(ContentNames.Name(t), DocumentTypes.Key(t), t == Type));

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Proposal is null)
        {
            return Page();
        }

        var fields = Proposal.Fields;
        var slug = Proposal.Slug;
        if (Target is not null)
        {
            slug = Target.Slug;
            BasedOnVersion = Target.LatestVersionNumber;
            if (await library.GetLatestAsync(Target.Id) is { } latest)
            {
                KeptFromLatest = KeepWhatWasNotFound(fields, latest.Fields);
                KeepQuestionIdentities(fields, latest.Fields);
            }
        }
        else
        {
            slug = await FreeSlugAsync(slug);
        }

        if (fields is StrategyFields strategy)
        {
            // The editor form holds one objective a line ("title: description"), so a description's paragraphs join up.
            foreach (var objective in strategy.Objectives)
            {
                objective.Description = string.Join(" ", objective.Description.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        Input = DraftForm.From(fields, slug, Proposal.Body);
        Input.Note = $"Imported from {Original.FileName}";
        Input.AddBlankRows();
        Images = [.. Proposal.Images.Select(_ => new ImageChoice())];
        await LoadFeedbackFormChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await LoadFeedbackFormChoicesAsync();
        if (Proposal is null)
        {
            return Page();
        }

        while (Images.Count < Proposal.Images.Count)
        {
            Images.Add(new ImageChoice());
        }

        var formErrors = new List<FieldError>();
        var draft = Input.ToDraft(Type, formErrors);
        // The placeholders become image addresses only once the images are in the library; the checks see the rest.
        IReadOnlyList<FieldError> errors = [.. formErrors, .. await editor.ValidateAsync(Type, Target?.Id, draft with { Body = ImportImages.ForChecking(draft.Body) }), .. CheckImages()];
        if (errors.Count == 0)
        {
            var actor = await this.ActorAsync();
            var kept = Proposal.Images.Where((_, i) => Images[i].Keep).Select(image => (image, Images[image.Number - 1].AltText!.Trim())).ToList();
            var added = await importer.AddImagesAsync(kept, draft.Fields.Title, actor, HttpContext.RequestAborted);
            if (added.Succeeded)
            {
                var images = added.Value!;
                draft = draft with { Body = ImportImages.Place(draft.Body, images.ToDictionary(p => p.Key, p => ImportImages.Markdown(p.Value))) };
                var saved = Target is not null
                    ? await editor.SaveDraftAsync(Target.Id, BasedOnVersion, draft, actor)
                    : await editor.CreateAsync(draft, actor);
                if (saved.Succeeded)
                {
                    var version = saved.Value!;
                    var withImages = images.Count == 0 ? "" : $" with {images.Count} {(images.Count == 1 ? "image" : "images")} added to the media library";
                    TempData["Success"] = $"Draft saved as version {version.Number} from {Original.FileName}{withImages}. Nothing is published: preview it, then publish it or send it for review.";
                    return RedirectToPage("/Manage/Content/Edit", new { id = version.DocumentId });
                }

                // The draft was not saved, so the library keeps none of its images.
                await importer.RemoveImagesAsync(images.Values, actor, CancellationToken.None);
                errors = saved.Errors;
            }
            else
            {
                errors = added.Errors;
            }
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field.StartsWith("Image", StringComparison.Ordinal) ? ImageKey(error.Field) : DraftForm.KeyFor(error.Field), error.Message);
        }

        Input.AddBlankRows();
        return Page();
    }

    /// <summary>
    /// An image of the document, for the preview on this page: only for Editors (this page's rule), and only with the
    /// original's access key, so the address cannot be guessed from the ids. Never cached outside the browser.
    /// </summary>
    public async Task<IActionResult> OnGetImageAsync(int id, int image, string? key)
    {
        var item = await media.GetAsync(id);
        if (item is null || key is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(item.AccessKey), Encoding.ASCII.GetBytes(key)))
        {
            return NotFound();
        }

        var found = await importer.ImageAsync(id, image, HttpContext.RequestAborted);
        if (found is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(found.Bytes, found.ContentType);
    }

    /// <summary>The preview address of an image on this page.</summary>
    public string ImagePreview(ImportImage image) =>
        $"/manage/content/import/{Original.Id}?handler=Image&image={image.Number}&key={Original.AccessKey}";

    /// <summary>The choices for an image: add it with alt text, or leave it out.</summary>
    public static IReadOnlyList<SelectListItem> ImageUses { get; } =
    [
        new("Add it to the media library and the draft, with the alt text below", ImageChoice.Add),
        new("Leave it out: it is decorative or not needed", ImageChoice.LeaveOut),
    ];

    private List<FieldError> CheckImages()
    {
        var errors = new List<FieldError>();
        foreach (var image in Proposal!.Images)
        {
            var choice = Images[image.Number - 1];
            if (choice.Use is not (ImageChoice.Add or ImageChoice.LeaveOut))
            {
                errors.Add(new FieldError($"Image{image.Number}.Use", $"Select whether to add image {image.Number} or leave it out"));
            }
            else if (choice.Keep && string.IsNullOrWhiteSpace(choice.AltText))
            {
                errors.Add(new FieldError($"Image{image.Number}.AltText", $"Enter alt text for image {image.Number}, or choose to leave it out"));
            }
            else if (choice.Keep && choice.AltText!.Trim().Length > 500)
            {
                errors.Add(new FieldError($"Image{image.Number}.AltText", $"Alt text for image {image.Number} must be 500 characters or fewer"));
            }
            else if (choice.Keep && image.Bytes.LongLength > media.MaxUploadBytes)
            {
                errors.Add(new FieldError($"Image{image.Number}.Use", $"Image {image.Number} is larger than the media library accepts: leave it out, or make it smaller and add it from the media library"));
            }
        }

        return errors;
    }

    /// <summary>"Image3.AltText" as the form's key, Images[2].AltText.</summary>
    private static string ImageKey(string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var number = int.TryParse(field.AsSpan(5, (dot < 0 ? field.Length : dot) - 5), CultureInfo.InvariantCulture, out var n) ? n : 1;
        var property = dot < 0 ? nameof(ImageChoice.AltText) : field[(dot + 1)..] switch
        {
            "Use" or "File" => nameof(ImageChoice.Use),
            _ => nameof(ImageChoice.AltText),
        };
        return $"{nameof(Images)}[{(number - 1).ToString(CultureInfo.InvariantCulture)}].{property}";
    }

    /// <summary>The hint for a field: where it came from and what to check.</summary>
    public string HintFor(string key, string? usual = null)
    {
        var parts = new List<string>();
        if (usual is not null)
        {
            parts.Add(usual);
        }

        if (Proposal?.Source(key) is { } source)
        {
            parts.Add(source.Status switch
            {
                FieldStatus.Found => source.Heading is null ? "Found in the document" : $"Found under the heading “{source.Heading}”",
                FieldStatus.Check => "Check this: " + (source.Note ?? (source.Heading is null ? "it was guessed" : $"found under “{source.Heading}”")),
                _ => KeptFromLatest.Contains(key) ? $"Not in the document: kept from version {BasedOnVersion}" : "Not found in the document" + (source.Note is null ? "" : ": " + source.Note),
            });
        }

        return string.Join(". ", parts);
    }

    /// <summary>The field's value as text for the summary table, shortened.</summary>
    public string Preview(string key)
    {
        var text = Proposal?.Fields.Describe().FirstOrDefault(f => f.Key == key)?.Text ?? (key == "Body" ? Proposal?.Body : null) ?? "";
        if (key == "Objectives" && Proposal?.Fields is StrategyFields s)
        {
            text = string.Join("\n", s.Objectives.Select((o, i) => $"{i + 1}. {o.Title}"));
        }

        text = text.Replace('\n', ' ').Trim();
        return text.Length <= 160 ? text : text[..157] + "...";
    }

    private async Task<bool> LoadAsync(int id)
    {
        var item = await media.GetAsync(id);
        if (item is null)
        {
            return false;
        }

        Original = item;
        if (TargetId is { } targetId)
        {
            Target = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == targetId && d.Type != DocumentType.ToolkitResource);
            if (Target is null)
            {
                return false;
            }
        }

        DocumentType? chosen = Target?.Type ?? (DocumentTypes.FromKey(TypeKey) is { } key && ImportTypes.Contains(key) ? key : null);
        var proposed = await importer.ProposeAsync(id, chosen, HttpContext.RequestAborted);
        if (!proposed.Succeeded)
        {
            ModelState.AddModelError("", proposed.Errors[0].Message);
            return true;
        }

        Proposal = proposed.Value;
        Type = Proposal!.Type;
        return true;
    }

    /// <summary>Fields the document did not have keep the latest version's values, so a new version loses nothing by accident.</summary>
    private static List<string> KeepWhatWasNotFound(DocumentFields imported, DocumentFields latest)
    {
        var kept = new List<string>();
        if (imported.GetType() != latest.GetType())
        {
            return kept;
        }

        foreach (var property in imported.GetType().GetProperties().Where(p => p.CanWrite && p.Name is not nameof(DocumentFields.Title)))
        {
            var mine = property.GetValue(imported);
            var theirs = property.GetValue(latest);
            var empty = mine is null || (mine is string s && s.Length == 0) || (mine is System.Collections.ICollection c && c.Count == 0);
            var theirsEmpty = theirs is null || (theirs is string t && t.Length == 0) || (theirs is System.Collections.ICollection d && d.Count == 0);
            if (empty && !theirsEmpty && property.Name is not ("Recommendations" or "Questions"))
            {
                property.SetValue(imported, theirs);
                kept.Add(property.Name);
            }
        }

        return kept;
    }

    /// <summary>
    /// A question or recommendation the new version words exactly as before keeps its identity, so supervision records
    /// and action plans that refer to it still point at it; a pairing follows the question.
    /// </summary>
    private static void KeepQuestionIdentities(DocumentFields imported, DocumentFields latest)
    {
        if (imported is not LearningBriefingFields mine || latest is not LearningBriefingFields theirs)
        {
            return;
        }

        static string Key(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var known = theirs.Questions.GroupBy(q => Key(q.Text)).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var question in mine.Questions)
        {
            if (known.TryGetValue(Key(question.Text), out var id) && mine.Questions.All(q => q.Id != id))
            {
                foreach (var recommendation in mine.Recommendations.Where(r => r.QuestionId == question.Id))
                {
                    recommendation.QuestionId = id;
                }

                question.Id = id;
            }
        }

        // Recommendations too: action plans refer to them by identity.
        var knownRecommendations = theirs.Recommendations.GroupBy(r => Key(r.Text)).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var recommendation in mine.Recommendations)
        {
            if (knownRecommendations.TryGetValue(Key(recommendation.Text), out var id) && id != Guid.Empty && mine.Recommendations.All(r => r.Id != id))
            {
                recommendation.Id = id;
            }
        }
    }

    private async Task<string> FreeSlugAsync(string slug)
    {
        var taken = await db.Documents.AsNoTracking().Where(d => d.Type == Type && d.Slug.StartsWith(slug)).Select(d => d.Slug).ToListAsync();
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    private async Task LoadFeedbackFormChoicesAsync()
    {
        if (Type != DocumentType.LearningBriefing)
        {
            return;
        }

        var forms = await db.FeedbackForms.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Name, f.Slug }).ToListAsync();
        var choices = forms.Select(f => new SelectListItem($"{f.Name} ({f.Slug})", f.Slug)).ToList();
        choices.Add(new SelectListItem("No feedback form", LearningBriefingFields.NoFeedbackForm));
        FeedbackFormChoices = choices;
    }

    /// <summary>What the Editor chose for one image of the document.</summary>
    public sealed class ImageChoice
    {
        public const string Add = "add";

        public const string LeaveOut = "leave-out";

        public string? Use { get; set; } = Add;

        public string? AltText { get; set; }

        public bool Keep => Use == Add;
    }
}
