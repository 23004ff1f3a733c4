using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision.Recording;

/// <summary>
/// The record itself, for its supervisor while it is a draft: the questions discussed and what was said,
/// the reflective cycle, agreed actions (with SMART prompts), escalation, follow-up and confidence.
/// "Save as draft" checks only what is typed; "Save and finalise" also needs at least one question and
/// shares the record with the participants.
/// </summary>
public class EditModel(DiscussionRecords records) : PageModel
{
    private const int BlankActions = 2;

    [BindProperty]
    public RecordForm Input { get; set; } = new();

    /// <summary>"finalise" when the supervisor pressed "Save and finalise".</summary>
    [BindProperty]
    public string? Intent { get; set; }

    public RecordView View { get; private set; } = default!;

    public IReadOnlyList<QuestionSetQuestion> Offered { get; private set; } = [];

    /// <summary>The fingerprint of text already shown as possibly identifying (see <see cref="IdentifyingCheck"/>).</summary>
    [BindProperty]
    public string? CheckedText { get; set; }

    /// <summary>Fields that look like they identify someone, shown back before saving.</summary>
    public IReadOnlyList<FlaggedField> Flagged { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> ConfidenceItems { get; } =
        Enumerable.Range(1, 5).Select(i => new SelectListItem(i switch { 1 => "1 - not at all confident", 5 => "5 - very confident", _ => i.ToString(CultureInfo.InvariantCulture) }, i.ToString(CultureInfo.InvariantCulture))).ToList();

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id, audit: true))
        {
            return NotFound();
        }

        var record = View.Record;
        var recorded = record.Questions.ToDictionary(q => q.QuestionId);
        Input = new RecordForm
        {
            Questions = Offered.Select(q => new QuestionInput { QuestionId = q.QuestionId, Chosen = recorded.ContainsKey(q.QuestionId), Discussion = recorded.GetValueOrDefault(q.QuestionId)?.Discussion }).ToList(),
            WhatHappened = record.WhatHappened,
            Reflection = record.Reflection,
            Learning = record.Learning,
            WhatNext = record.WhatNext,
            Actions = record.Actions.Select(a => new ActionInput { What = a.What, OwnerId = a.OwnerId, Due = DateInput.From(a.DueOn) })
                .Concat(Enumerable.Range(0, BlankActions).Select(_ => new ActionInput())).ToList(),
            Escalation = record.EscalationNeeded ? "yes" : record.UpdatedUtc > record.CreatedUtc ? "no" : null,
            EscalationNote = record.EscalationNote,
            FollowUp = record.FollowUpOn is { } f ? DateInput.From(f) : new DateInput(),
            Confidence = record.Participants.Where(p => p.UserId is not null).Select(p => new ConfidenceInput
            {
                UserId = p.UserId!,
                Before = p.ConfidenceBefore?.ToString(CultureInfo.InvariantCulture),
                After = p.ConfidenceAfter?.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id, audit: false))
        {
            return NotFound();
        }

        var finalise = Intent == "finalise";
        var details = Validate(finalise);
        if (details is null)
        {
            return Page();
        }

        Flagged = IdentifyingCheck.Find(FreeText());
        if (IdentifyingCheck.NeedsWarning(Flagged, CheckedText))
        {
            CheckedText = IdentifyingCheck.Fingerprint(Flagged);
            return Page();
        }

        var outcome = await records.SaveAsync(id, User.UserId(), details, finalise);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = finalise ? "Record finalised: the people who took part can now read it" : "Draft saved";
        return Redirect(finalise ? $"/supervision/records/{id}" : "/supervision");
    }

    public string NameOf(string? userId) => View.NameOf(userId);

    /// <summary>Every free-text field of the form, with its label as the page shows it.</summary>
    private IEnumerable<(string Label, string FieldName, string? Text)> FreeText()
    {
        for (var i = 0; i < Input.Questions.Count; i++)
        {
            yield return ($"What was discussed about question {i + 1}", $"Input.Questions[{i}].Discussion", Input.Questions[i].Discussion);
        }

        yield return ("What happened", "Input.WhatHappened", Input.WhatHappened);
        yield return ("Reflection", "Input.Reflection", Input.Reflection);
        yield return ("Learning", "Input.Learning", Input.Learning);
        yield return ("What next", "Input.WhatNext", Input.WhatNext);
        for (var i = 0; i < Input.Actions.Count; i++)
        {
            yield return ($"What will be done (action {i + 1})", $"Input.Actions[{i}].What", Input.Actions[i].What);
        }

        yield return ("What needs escalating, and to whom", "Input.EscalationNote", Input.EscalationNote);
    }

    private DiscussionDetails? Validate(bool finalise)
    {
        // Only questions this record offers count; the form cannot add others.
        var offered = Offered.Select(q => q.QuestionId).ToHashSet();
        var chosen = Input.Questions.Where(q => q.Chosen && offered.Contains(q.QuestionId)).ToList();
        if (finalise && chosen.Count == 0)
        {
            ModelState.AddModelError("Input.Questions[0].Chosen", "Select at least one question that was discussed");
        }

        var owners = Owners.Select(o => o.Value).ToHashSet();
        var actions = new List<ActionDraft>();
        for (var i = 0; i < Input.Actions.Count; i++)
        {
            var a = Input.Actions[i];
            if (string.IsNullOrWhiteSpace(a.What) && string.IsNullOrEmpty(a.OwnerId) && a.Due.IsEmpty)
            {
                continue;
            }

            var n = i + 1;
            if (string.IsNullOrWhiteSpace(a.What))
            {
                ModelState.AddModelError($"Input.Actions[{i}].What", $"Enter what will be done for action {n}");
            }

            if (string.IsNullOrEmpty(a.OwnerId) || !owners.Contains(a.OwnerId))
            {
                ModelState.AddModelError($"Input.Actions[{i}].OwnerId", $"Select who will do action {n}");
            }

            var due = a.Due.ToDate();
            if (a.Due.IsEmpty)
            {
                ModelState.AddModelError($"Input.Actions[{i}].Due", $"Enter the due date of action {n}");
            }
            else if (due is null)
            {
                ModelState.AddModelError($"Input.Actions[{i}].Due", $"Due date of action {n} must be a real date");
            }

            if (!string.IsNullOrWhiteSpace(a.What) && !string.IsNullOrEmpty(a.OwnerId) && due is not null)
            {
                actions.Add(new ActionDraft(a.What, a.OwnerId, due.Value));
            }
        }

        if (Input.Escalation == "yes" && string.IsNullOrWhiteSpace(Input.EscalationNote))
        {
            ModelState.AddModelError("Input.EscalationNote", "Enter what needs escalating and to whom");
        }
        else if (finalise && Input.Escalation is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.Escalation", "Select yes if anything needs escalating");
        }

        var followUp = Input.FollowUp.ToDate();
        if (!Input.FollowUp.IsEmpty && followUp is null)
        {
            ModelState.AddModelError("Input.FollowUp", "Follow-up date must be a real date");
        }

        var confidence = Input.Confidence.Select(c => new ParticipantConfidence(c.UserId, Score(c.Before), Score(c.After))).ToList();
        if (!ModelState.IsValid)
        {
            return null;
        }

        return new DiscussionDetails(
            chosen.Select(q => new QuestionNote(q.QuestionId, q.Discussion)).ToList(),
            Input.WhatHappened, Input.Reflection, Input.Learning, Input.WhatNext,
            actions, Input.Escalation == "yes", Input.EscalationNote, followUp, confidence);
    }

    private static int? Score(string? value) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5 ? n : null;

    private async Task<bool> LoadAsync(int id, bool audit)
    {
        var me = User.UserId();
        if (await records.OpenDraftAsync(id, me, audit) is not { } draft)
        {
            return false;
        }

        (View, Offered) = draft;
        Owners = View.Record.Participants.Where(p => p.UserId is not null)
            .Select(p => new SelectListItem(View.NameOf(p.UserId), p.UserId))
            .Prepend(new SelectListItem(View.NameOf(me) + " (you)", me))
            .ToList();
        return true;
    }
}

public class RecordForm
{
    public List<QuestionInput> Questions { get; set; } = [];

    public string? WhatHappened { get; set; }

    public string? Reflection { get; set; }

    public string? Learning { get; set; }

    public string? WhatNext { get; set; }

    public List<ActionInput> Actions { get; set; } = [];

    public string? Escalation { get; set; }

    public string? EscalationNote { get; set; }

    public DateInput FollowUp { get; set; } = new();

    public List<ConfidenceInput> Confidence { get; set; } = [];
}

public class QuestionInput
{
    public Guid QuestionId { get; set; }

    public bool Chosen { get; set; }

    public string? Discussion { get; set; }
}

public class ActionInput
{
    public string? What { get; set; }

    public string? OwnerId { get; set; }

    public DateInput Due { get; set; } = new();
}

public class ConfidenceInput
{
    public string UserId { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }
}
