namespace LearningPortal.Tests.Content.Import;

/// <summary>
/// The content site for import tests, with a generous <c>Content:Import:Timeout</c>: the 10 seconds a live site allows
/// is for one import on an idle server, and the suite runs many at once on two cores, so an ordinary import must not
/// fail there for being slow. <see cref="ImportTimeoutTests"/> checks the time-out itself with a tiny value.
/// </summary>
public class ImportSite : ContentSite
{
    protected virtual string ImportTimeout => "00:02:00";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Content:Import:Timeout"] = ImportTimeout,
    };
}

/// <summary>
/// An import site whose time-out is one tick: less than a millisecond, so it has run out before the reading starts,
/// whatever the machine's load. (A millisecond was a race: on a busy machine the timer that ends it could fire after a
/// whole document had been read, and the import went through.)
/// </summary>
public class ImpatientImportSite : ImportSite
{
    protected override string ImportTimeout => "00:00:00.0000001";
}
