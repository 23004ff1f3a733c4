namespace LearningPortal.Core.Results;

/// <summary>Why a module refused an operation. Pages turn each into one response (see the Web's ResultPages).</summary>
public enum RefusalKind
{
    /// <summary>No such thing, or not one this person may see: shown as "Page not found", revealing nothing.</summary>
    NotFound,

    /// <summary>The input breaks a rule; each <see cref="FieldError"/> names its field.</summary>
    Invalid,

    /// <summary>Someone else changed the thing since the person read it.</summary>
    Conflict,

    /// <summary>Not allowed in the thing's current state (a final record, a session that has started).</summary>
    NotAllowed,
}

/// <summary>
/// One problem, for the GOV.UK error summary: the form field it belongs to (a property path such as
/// "Input.Email" or a field name such as "q12", relative to the page's input) or "" for the whole form.
/// </summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Why an operation did not happen: its kind, the messages for the person (in the form's field order), and
/// optionally the module's own reason, for callers that act on it (e.g. a training refusal code).
/// </summary>
public sealed record Refusal(RefusalKind Kind, IReadOnlyList<FieldError> Errors, Enum? Reason = null)
{
    public static Refusal NotFound(string message = "") => new(RefusalKind.NotFound, message.Length == 0 ? [] : [new FieldError("", message)]);

    public static Refusal Invalid(IReadOnlyList<FieldError> errors) => new(RefusalKind.Invalid, errors);

    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, [new FieldError(field, message)]);

    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, [new FieldError("", message)]);

    public static Refusal NotAllowed(string message, Enum? reason = null) => new(RefusalKind.NotAllowed, [new FieldError("", message)], reason);
}

/// <summary>
/// The one result shape of module operations that can be refused: either it happened (with any warnings the
/// person should read) or it was refused (<see cref="Refusal"/>). Expected refusals are results, not exceptions;
/// a module returns <c>Refusal.NotFound()</c> or <c>Result.Ok()</c>, and a page hands a refusal to
/// <c>ResultPages</c>, which shows it the same way everywhere.
/// </summary>
public class Result
{
    private static readonly Result Done = new(null, []);

    protected Result(Refusal? refusal, IReadOnlyList<string> warnings)
    {
        Refusal = refusal;
        Warnings = warnings;
    }

    /// <summary>Why it was refused; null when it happened.</summary>
    public Refusal? Refusal { get; }

    public bool Succeeded => Refusal is null;

    public bool IsNotFound => Refusal?.Kind == RefusalKind.NotFound;

    /// <summary>The refusal's messages; empty when it happened.</summary>
    public IReadOnlyList<FieldError> Errors => Refusal?.Errors ?? [];

    /// <summary>Things the person should know though it worked, e.g. how a time across a clock change was read.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public static Result Ok(params IReadOnlyList<string> warnings) => warnings.Count == 0 ? Done : new(null, warnings);

    public static Result<T> Ok<T>(T value, params IReadOnlyList<string> warnings) => new(value, null, warnings);

    public static implicit operator Result(Refusal refusal) => new(refusal, []);

    public override string ToString() =>
        Refusal is null ? "Succeeded" : $"{Refusal.Kind}: {string.Join("; ", Errors.Select(e => $"{e.Field} {e.Message}".Trim()))}";
}

/// <summary>A <see cref="Result"/> that carries a value when the operation happened.</summary>
public sealed class Result<T> : Result
{
    internal Result(T? value, Refusal? refusal, IReadOnlyList<string> warnings)
        : base(refusal, warnings) => Value = value;

    /// <summary>What the operation produced; default when refused.</summary>
    public T? Value { get; }

    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal, []);
}
