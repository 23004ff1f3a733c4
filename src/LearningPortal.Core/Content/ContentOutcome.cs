namespace LearningPortal.Core.Content;

/// <summary>Why an operation did not happen.</summary>
public enum ContentFailure
{
    None = 0,

    /// <summary>The input breaks a rule; <see cref="ContentError.Field"/> says which field.</summary>
    Invalid,

    NotFound,

    /// <summary>Someone else changed the document since the caller read it.</summary>
    Conflict,

    /// <summary>Not allowed in the document's or version's current state (e.g. publishing a draft that needs review).</summary>
    NotAllowed,
}

/// <summary>One problem, addressed to a field path (e.g. "Fields.Questions[2].Text") or to the whole form ("").</summary>
public sealed record ContentError(string Field, string Message);

/// <summary>
/// The result of a content operation. Expected failures (validation, conflicts, wrong state) come back as
/// values, not exceptions; named to avoid clashing with MVC's <c>ContentResult</c> in page models.
/// </summary>
public sealed class ContentOutcome<T>
{
    internal ContentOutcome(T? value, ContentFailure failure, IReadOnlyList<ContentError> errors, IReadOnlyList<string> warnings)
    {
        Value = value;
        Failure = failure;
        Errors = errors;
        Warnings = warnings;
    }

    public T? Value { get; }

    public ContentFailure Failure { get; }

    public bool Succeeded => Failure == ContentFailure.None;

    public IReadOnlyList<ContentError> Errors { get; }

    /// <summary>Things the user should know though it worked, e.g. how a time across a clock change was read.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Carries another outcome's failure over to this result type.</summary>
    public ContentOutcome<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a failure can be converted.")
        : new ContentOutcome<TOther>(default, Failure, Errors, Warnings);


    public override string ToString() => Succeeded ? $"Success: {Value}" : $"{Failure}: {string.Join("; ", Errors.Select(e => $"{e.Field} {e.Message}"))}";
}

/// <summary>Makes <see cref="ContentOutcome{T}"/>s.</summary>
public static class ContentOutcome
{
    public static ContentOutcome<T> Success<T>(T value, params IReadOnlyList<string> warnings) => new(value, ContentFailure.None, [], warnings);

    public static ContentOutcome<T> Fail<T>(ContentFailure failure, string message, string field = "") =>
        new(default, failure, [new ContentError(field, message)], []);

    public static ContentOutcome<T> Invalid<T>(IReadOnlyList<ContentError> errors) => new(default, ContentFailure.Invalid, errors, []);

    public static ContentOutcome<T> NotFound<T>(string message = "The document was not found") => Fail<T>(ContentFailure.NotFound, message);
}
