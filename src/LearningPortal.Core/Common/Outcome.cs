namespace LearningPortal.Core.Common;

/// <summary>Why a module operation did not happen. Every module refuses with one of these kinds.</summary>
public enum Refusal
{
    /// <summary>Not refused: the operation happened.</summary>
    None = 0,

    /// <summary>The input breaks a rule; <see cref="Outcome.Errors"/> say which fields, in the form's field order.</summary>
    Invalid,

    /// <summary>There is no such thing, or not one this person may see: shown as "Page not found".</summary>
    NotFound,

    /// <summary>Someone else changed the thing since the caller read it; nothing was saved.</summary>
    Conflict,

    /// <summary>Not allowed in the thing's current state (a closed session, a final record, a draft that needs review).</summary>
    NotAllowed,

    /// <summary>This person may not do this to this thing.</summary>
    Forbidden,

    /// <summary>Allowed but unusual (a due date in the past): nothing was saved; ask the person to confirm, then try again.</summary>
    NeedsConfirmation,
}

/// <summary>One problem, addressed to a field path (e.g. "Fields.Questions[2].Text") or to the whole form ("").</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// The result of a module operation that can be refused: expected refusals (validation, conflicts, wrong state, not
/// found) come back as values, not exceptions, and a page shows them one way (<c>OutcomePages</c> in Web). An operation
/// with nothing to return gives an <see cref="Outcome"/>; one with a value gives an <see cref="Outcome{T}"/>.
/// </summary>
public class Outcome
{
    private protected Outcome(Refusal refusal, IReadOnlyList<FieldError> errors, IReadOnlyList<string> warnings, Enum? reason)
    {
        Refusal = refusal;
        Errors = errors;
        Warnings = warnings;
        Reason = reason;
    }

    /// <summary>What kind of refusal this is; <see cref="Refusal.None"/> when the operation happened.</summary>
    public Refusal Refusal { get; }

    public bool Succeeded => Refusal == Refusal.None;

    /// <summary>The problems to show, in field order ("" for the form as a whole).</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Things the person should know though it worked, e.g. how a time across a clock change was read.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// The module's own word for why it refused (e.g. <c>TrainingRefusal.PastCancellationCutOff</c>), for a caller
    /// that acts on the particular reason; null when the kind says it all.
    /// </summary>
    public Enum? Reason { get; }

    /// <summary>The first error's message: what to tell the person when there is one thing to say.</summary>
    public string? Message => Errors.Count > 0 ? Errors[0].Message : null;

    /// <summary>Whether the refusal carries this module reason.</summary>
    public bool RefusedBecause<TReason>(TReason reason) where TReason : struct, Enum => Reason is TReason r && r.Equals(reason);

    /// <summary>Carries this refusal over to a result of another type.</summary>
    public Outcome<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a refusal can be converted.")
        : new Outcome<TOther>(default, Refusal, Errors, Warnings, Reason);

    /// <summary>Carries this refusal over to a result without a value.</summary>
    public Outcome AsRefusal() => Succeeded
        ? throw new InvalidOperationException("Only a refusal can be converted.")
        : new Outcome(Refusal, Errors, Warnings, Reason);

    public override string ToString() =>
        Succeeded ? "Success" : $"{Refusal}{(Reason is null ? "" : $" ({Reason})")}: {string.Join("; ", Errors.Select(e => $"{e.Field} {e.Message}".Trim()))}";

    /// <summary>It happened, with nothing to return.</summary>
    public static Outcome Done(params IReadOnlyList<string> warnings) => new(Refusal.None, [], warnings, null);

    /// <summary>It happened; here is the value.</summary>
    public static Outcome<T> Success<T>(T value, params IReadOnlyList<string> warnings) => new(value, Refusal.None, [], warnings, null);

    /// <summary>Refused with one message, for a field or ("") the whole form.</summary>
    public static Outcome Refuse(Refusal refusal, string message, string field = "", Enum? reason = null) =>
        new(refusal, [new FieldError(field, message)], [], reason);

    /// <summary>Refused with one message, for a field or ("") the whole form.</summary>
    public static Outcome<T> Refuse<T>(Refusal refusal, string message, string field = "", Enum? reason = null) =>
        new(default, refusal, [new FieldError(field, message)], [], reason);

    /// <summary>The input breaks rules: the errors in field order.</summary>
    public static Outcome Invalid(IReadOnlyList<FieldError> errors, Enum? reason = null) => new(Refusal.Invalid, errors, [], reason);

    /// <summary>The input breaks rules: the errors in field order.</summary>
    public static Outcome<T> Invalid<T>(IReadOnlyList<FieldError> errors, Enum? reason = null) => new(default, Refusal.Invalid, errors, [], reason);

    /// <summary>The input breaks one rule.</summary>
    public static Outcome Invalid(string field, string message) => Refuse(Refusal.Invalid, message, field);

    /// <summary>The input breaks one rule.</summary>
    public static Outcome<T> Invalid<T>(string field, string message) => Refuse<T>(Refusal.Invalid, message, field);

    /// <summary>No such thing (or not one this person may see).</summary>
    public static Outcome NotFound(string message = "Page not found") => Refuse(Refusal.NotFound, message);

    /// <summary>No such thing (or not one this person may see).</summary>
    public static Outcome<T> NotFound<T>(string message = "Page not found") => Refuse<T>(Refusal.NotFound, message);

    /// <summary>Someone else changed it first.</summary>
    public static Outcome Conflict(string message) => Refuse(Refusal.Conflict, message);

    /// <summary>Someone else changed it first.</summary>
    public static Outcome<T> Conflict<T>(string message) => Refuse<T>(Refusal.Conflict, message);

    /// <summary>Not allowed in its current state.</summary>
    public static Outcome NotAllowed(string message, Enum? reason = null) => Refuse(Refusal.NotAllowed, message, reason: reason);

    /// <summary>Not allowed in its current state.</summary>
    public static Outcome<T> NotAllowed<T>(string message, Enum? reason = null) => Refuse<T>(Refusal.NotAllowed, message, reason: reason);
}

/// <summary>The result of a module operation that gives a value when it happens; see <see cref="Outcome"/>.</summary>
public sealed class Outcome<T> : Outcome
{
    internal Outcome(T? value, Refusal refusal, IReadOnlyList<FieldError> errors, IReadOnlyList<string> warnings, Enum? reason)
        : base(refusal, errors, warnings, reason) => Value = value;

    /// <summary>What the operation gave (the saved thing's id, a booking's status and place on the waiting list, ...); default when refused.</summary>
    public T? Value { get; }

    public override string ToString() => Succeeded ? $"Success: {Value}" : base.ToString();
}
