namespace LearningPortal.Core.Training;

/// <summary>The site's public address, for links in emails that are written outside a web request.</summary>
public interface ISiteAddress
{
    Uri BaseUri { get; }
}
