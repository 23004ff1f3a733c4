namespace LearningPortal.Core.Content;

/// <summary>The kinds of document the portal publishes; each has its own fields class under <c>Content/Fields</c>.</summary>
public enum DocumentType
{
    /// <summary>Learning from an audit: a full briefing, a 7-minute briefing, an "at a glance" sheet or an audit report.</summary>
    LearningBriefing = 1,

    /// <summary>A partnership strategy, e.g. the neglect strategy.</summary>
    Strategy = 2,

    /// <summary>A tool or guidance in the toolkit, usually with files to download.</summary>
    ToolkitResource = 3,

    /// <summary>A general page: about, accessibility statement, privacy notice.</summary>
    Page = 4,
}

/// <summary>Where a document is in its life.</summary>
public enum DocumentState
{
    /// <summary>Never published.</summary>
    Draft = 1,

    /// <summary>One version is live.</summary>
    Published = 2,

    /// <summary>Was published, taken down; can be published again.</summary>
    Unpublished = 3,

    /// <summary>Put away: not live, hidden from the usual lists; can be restored.</summary>
    Archived = 4,
}

/// <summary>Where one version is in its life. A version's content never changes once saved.</summary>
public enum VersionStatus
{
    Draft = 1,

    /// <summary>Submitted for review; an Editor other than its author may approve it.</summary>
    InReview = 2,

    /// <summary>Will be published at a set time.</summary>
    Scheduled = 3,

    /// <summary>The live version.</summary>
    Published = 4,

    /// <summary>Was live; replaced by a later version or taken down.</summary>
    Superseded = 5,
}
