using System.Globalization;
using System.Text.RegularExpressions;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Feedback;

/// <summary>The details of a form as the editor typed them.</summary>
/// <param name="AsksAgency">Anonymous forms only: ask, as an optional question, which agency the person works for.</param>
public sealed record FormDetails(string Name, string Slug, bool IsAnonymous, string Intro, bool AsksAgency = false);

/// <summary>
/// Editing forms and their questions. Question wordings that have answers are never changed in place:
/// they are retired and replaced, so earlier answers keep the wording they answered. Every change is audited.
/// </summary>
public partial class FeedbackForms(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<FeedbackForm?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.FeedbackForms.Include(f => f.Questions).AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    public Task<FeedbackForm?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        db.FeedbackForms.Include(f => f.Questions).AsSplitQuery().FirstOrDefaultAsync(f => f.Slug == slug, cancellationToken);

    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    public async Task<Outcome<int>> CreateAsync(FormDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(details, null, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var form = new FeedbackForm { CreatedUtc = now };
        Apply(form, details, now);
        db.FeedbackForms.Add(form);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "Feedback form created", "FeedbackForm", Id(form.Id), form.Name);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(form.Id);
    }

    public async Task<Outcome<int>> UpdateDetailsAsync(int formId, FormDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        var form = await db.FeedbackForms.FirstOrDefaultAsync(f => f.Id == formId, cancellationToken);
        if (form is null)
        {
            return Outcome.NotFound<int>("The form does not exist");
        }

        var errors = await ValidateAsync(details, formId, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        Apply(form, details, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, "Feedback form changed", "FeedbackForm", Id(formId), $"{form.Name} ({(form.IsAnonymous ? "anonymous" : "named")})");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(formId);
    }

    public async Task<Outcome<int>> AddQuestionAsync(int formId, QuestionDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        draft = draft.Normalised();
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        var form = await FindAsync(formId, cancellationToken);
        if (form is null)
        {
            return Outcome.NotFound<int>("The form does not exist");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var question = NewRow(draft, Guid.NewGuid(), form.CurrentQuestions.Select(q => q.SortOrder).DefaultIfEmpty(0).Max() + 1, now);
        form.Questions.Add(question);
        form.UpdatedUtc = now;
        audit.Record(actor, "Feedback question added", "FeedbackForm", Id(formId), question.Text);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(question.Id);
    }

    /// <summary>Changes a current question; one with answers is retired and replaced by a new wording with the same key.</summary>
    public async Task<Outcome<int>> UpdateQuestionAsync(int questionId, QuestionDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        draft = draft.Normalised();
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        var question = await db.FeedbackQuestions.Include(q => q.Form).FirstOrDefaultAsync(q => q.Id == questionId && q.RetiredUtc == null, cancellationToken);
        if (question is null)
        {
            return Outcome.NotFound<int>("The question does not exist");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var replacement = NewRow(draft, question.Key, question.SortOrder, now);
        var result = question;
        if (!question.SameWordingAs(replacement) && await db.FeedbackAnswers.AnyAsync(a => a.QuestionId == questionId, cancellationToken))
        {
            question.RetiredUtc = now;
            replacement.FormId = question.FormId;
            db.FeedbackQuestions.Add(replacement);
            result = replacement;
        }
        else
        {
            question.Type = replacement.Type;
            question.Text = replacement.Text;
            question.HelpText = replacement.HelpText;
            question.OptionsJson = replacement.OptionsJson;
        }

        // Whether a question must be answered does not change what earlier answers mean, so it changes in place.
        question.IsRequired = draft.IsRequired;
        result.IsRequired = draft.IsRequired;
        question.Form.UpdatedUtc = now;
        audit.Record(actor, "Feedback question changed", "FeedbackForm", Id(question.FormId), draft.Text);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(result.Id);
    }

    /// <summary>Moves a question one place up (-1) or down (+1).</summary>
    public async Task MoveQuestionAsync(int questionId, int direction, Actor actor, CancellationToken cancellationToken = default)
    {
        var question = await db.FeedbackQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.RetiredUtc == null, cancellationToken);
        if (question is null)
        {
            return;
        }

        var current = await db.FeedbackQuestions.Where(q => q.FormId == question.FormId && q.RetiredUtc == null)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        var index = current.FindIndex(q => q.Id == questionId);
        var other = index + Math.Sign(direction);
        if (other < 0 || other >= current.Count)
        {
            return;
        }

        (current[index], current[other]) = (current[other], current[index]);
        for (var i = 0; i < current.Count; i++)
        {
            current[i].SortOrder = i + 1;
        }

        audit.Record(actor, "Feedback question moved", "FeedbackForm", Id(question.FormId), question.Text);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a question from the form; one with answers is retired so the answers stay readable.</summary>
    public async Task RemoveQuestionAsync(int questionId, Actor actor, CancellationToken cancellationToken = default)
    {
        var question = await db.FeedbackQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.RetiredUtc == null, cancellationToken);
        if (question is null)
        {
            return;
        }

        if (await db.FeedbackAnswers.AnyAsync(a => a.QuestionId == questionId, cancellationToken))
        {
            question.RetiredUtc = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            db.FeedbackQuestions.Remove(question);
        }

        audit.Record(actor, "Feedback question removed", "FeedbackForm", Id(question.FormId), question.Text);

        // A form without questions cannot take answers: removing the last one takes an open form back to draft.
        var form = await db.FeedbackForms.SingleAsync(f => f.Id == question.FormId, cancellationToken);
        if (form.State == FeedbackFormState.Open
            && !await db.FeedbackQuestions.AnyAsync(q => q.FormId == form.Id && q.RetiredUtc == null && q.Id != questionId, cancellationToken))
        {
            form.State = FeedbackFormState.Draft;
            audit.Record(actor, "Feedback form back to draft", "FeedbackForm", Id(form.Id), $"{form.Name}: its last question was removed");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Moves a form to draft, open or closed, with optional open and close moments (UTC). A form opens only with at
    /// least one question, and closes after it opens.
    /// </summary>
    public async Task<Outcome<int>> SetStateAsync(int formId, FeedbackFormState state, DateTime? opensUtc, DateTime? closesUtc, Actor actor, CancellationToken cancellationToken = default)
    {
        var form = await FindAsync(formId, cancellationToken);
        if (form is null)
        {
            return Outcome.NotFound<int>("The form does not exist");
        }

        if (state == FeedbackFormState.Open && !form.CurrentQuestions.Any())
        {
            return Outcome.Invalid<int>("State", "Add at least one question before you open the form");
        }

        if (opensUtc is { } opens && closesUtc is { } closes && closes <= opens)
        {
            return Outcome.Invalid<int>("Closes", "The closing date must be after the opening date");
        }

        form.State = state;
        form.OpensUtc = opensUtc;
        form.ClosesUtc = closesUtc;
        form.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var dates = (opensUtc is null ? "" : $", opens {Time.UkTime.Format(opensUtc.Value)}") + (closesUtc is null ? "" : $", closes {Time.UkTime.Format(closesUtc.Value)}");
        audit.Record(actor, "Feedback form " + state.ToString().ToLowerInvariant(), "FeedbackForm", Id(formId), form.Name + dates);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(formId);
    }

    /// <summary>
    /// Copies a form's details and current questions into a new draft ("Copy of ..."), with new question keys so
    /// the copy's analysis starts empty. Returns the new form's id.
    /// </summary>
    public async Task<Outcome<int>> DuplicateAsync(int formId, Actor actor, CancellationToken cancellationToken = default)
    {
        var form = await FindAsync(formId, cancellationToken);
        if (form is null)
        {
            return Outcome.NotFound<int>("The form does not exist");
        }

        var slug = form.Slug.Length > 90 ? form.Slug[..90].TrimEnd('-') : form.Slug;
        var candidate = slug + "-copy";
        for (var n = 2; await db.FeedbackForms.AnyAsync(f => f.Slug == candidate, cancellationToken); n++)
        {
            candidate = $"{slug}-copy-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var name = "Copy of " + form.Name;
        var copy = new FeedbackForm
        {
            Name = name.Length > FeedbackForm.MaxNameLength ? name[..FeedbackForm.MaxNameLength] : name,
            Slug = candidate,
            IsAnonymous = form.IsAnonymous,
            AsksAgency = form.AsksAgency,
            Intro = form.Intro,
            State = FeedbackFormState.Draft,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        var order = 1;
        foreach (var q in form.CurrentQuestions)
        {
            copy.Questions.Add(new FeedbackQuestion
            {
                Key = Guid.NewGuid(),
                Type = q.Type,
                Text = q.Text,
                HelpText = q.HelpText,
                IsRequired = q.IsRequired,
                OptionsJson = q.OptionsJson,
                SortOrder = order++,
                CreatedUtc = now,
            });
        }

        db.FeedbackForms.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "Feedback form duplicated", "FeedbackForm", Id(copy.Id), $"{copy.Name}, from {form.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(copy.Id);
    }

    internal static FeedbackQuestion NewRow(QuestionDraft draft, Guid key, int sortOrder, DateTime now) => new()
    {
        Key = key,
        Type = draft.Type,
        Text = draft.Text,
        HelpText = draft.HelpText,
        IsRequired = draft.IsRequired,
        Options = draft.Options,
        SortOrder = sortOrder,
        CreatedUtc = now,
    };

    /// <summary>Problems with a form's details (formId: the form being changed, null for a new one), keyed by FormDetails property.</summary>
    public async Task<List<FieldError>> ValidateAsync(FormDetails details, int? formId, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var name = details.Name?.Trim() ?? "";
        var slug = details.Slug?.Trim().ToLowerInvariant() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new(nameof(FormDetails.Name), "Enter the name of the form"));
        }
        else if (name.Length > FeedbackForm.MaxNameLength)
        {
            errors.Add(new(nameof(FormDetails.Name), $"Name must be {FeedbackForm.MaxNameLength} characters or fewer"));
        }

        if (slug.Length == 0)
        {
            errors.Add(new(nameof(FormDetails.Slug), "Enter the web address of the form"));
        }
        else if (!IsValidSlug(slug))
        {
            errors.Add(new(nameof(FormDetails.Slug), "Web address must use only lower case letters, numbers and hyphens, for example course-evaluation"));
        }
        else if (await db.FeedbackForms.AnyAsync(f => f.Slug == slug && f.Id != formId, cancellationToken))
        {
            errors.Add(new(nameof(FormDetails.Slug), "Another form already uses this web address"));
        }

        if ((details.Intro?.Trim().Length ?? 0) > FeedbackForm.MaxIntroLength)
        {
            errors.Add(new(nameof(FormDetails.Intro), $"Introduction must be {FeedbackForm.MaxIntroLength} characters or fewer"));
        }

        return errors;
    }

    private static void Apply(FeedbackForm form, FormDetails details, DateTime now)
    {
        form.Name = details.Name.Trim();
        form.Slug = details.Slug.Trim().ToLowerInvariant();
        form.IsAnonymous = details.IsAnonymous;
        form.AsksAgency = details.IsAnonymous && details.AsksAgency;
        form.Intro = details.Intro?.Trim() ?? "";
        form.UpdatedUtc = now;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
