using System.Security.Cryptography;
using System.Text;
using System.Xml;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Web.Themes;
using Microsoft.Net.Http.Headers;

namespace LearningPortal.Web.Content;

/// <summary>The content engine's non-page addresses: media downloads (public once published), the Atom feed of learning and the sitemap.</summary>
public static class ContentEndpoints
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static IEndpointRouteBuilder MapPortalContentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/media/{id:int}/{key}/{name}", [HttpMethods.Get, HttpMethods.Head], ServeMediaAsync).AllowAnonymous().WithDisplayName("Media file");
        endpoints.MapMethods("/media/{id:int}/{name}", [HttpMethods.Get, HttpMethods.Head], RedirectOldMediaAddressAsync).AllowAnonymous().WithDisplayName("Media file (address without key)");
        endpoints.MapGet("/learning/feed.xml", LearningFeedAsync).AllowAnonymous().WithDisplayName("Learning feed");
        endpoints.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous().WithDisplayName("Sitemap");
        return endpoints;
    }

    /// <summary>
    /// A media file with the type checked at upload, nosniff (set for every response), and as an attachment unless
    /// it is an image shown in a page. The id finds the file and the key must match (so addresses cannot be guessed);
    /// the name is for people. A file no published document uses yet is only for those who may see drafts: to anyone
    /// else it does not exist (404), and it is never cached by shared caches.
    /// </summary>
    private static async Task<IResult> ServeMediaAsync(int id, string key, string name, MediaLibrary media, IAuthorizationService authorization, HttpContext context, CancellationToken cancellationToken)
    {
        var item = await media.GetAsync(id, cancellationToken);
        if (item is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(item.AccessKey), Encoding.ASCII.GetBytes(key)))
        {
            return Results.NotFound();
        }

        var published = await media.IsPublishedAsync(id, cancellationToken);
        if (!published && !await MaySeeDraftsAsync(authorization, context))
        {
            return Results.NotFound();
        }

        var opened = await media.OpenAsync(id, cancellationToken);
        if (opened is not { } found)
        {
            return Results.NotFound();
        }

        var (_, stream) = found;
        context.Response.Headers.CacheControl = published ? "public, max-age=300" : "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(item.IsImage ? "inline" : "attachment");
        disposition.SetHttpFileName(item.FileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Stream(stream, item.ContentType, lastModified: new DateTimeOffset(item.UpdatedUtc, TimeSpan.Zero),
            entityTag: new EntityTagHeaderValue($"\"{item.Sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>
    /// Addresses from before media had keys (/media/{id}/{name}) still appear in published text: they lead to the keyed
    /// address of a file a published document uses (public anyway), or, for those who may see drafts, of any file.
    /// Anyone else gets 404, so the old addresses reveal nothing that is not already public.
    /// </summary>
    private static async Task<IResult> RedirectOldMediaAddressAsync(int id, MediaLibrary media, IAuthorizationService authorization, HttpContext context, CancellationToken cancellationToken)
    {
        var item = await media.GetAsync(id, cancellationToken);
        if (item is null || (!await media.IsPublishedAsync(id, cancellationToken) && !await MaySeeDraftsAsync(authorization, context)))
        {
            return Results.NotFound();
        }

        return Results.Redirect(item.Address, permanent: false);
    }

    private static async Task<bool> MaySeeDraftsAsync(IAuthorizationService authorization, HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(context.User, PortalPolicies.Editor)).Succeeded;

    /// <summary>An Atom feed of the 50 most recently published or updated briefings.</summary>
    private static async Task<IResult> LearningFeedAsync(HttpContext context, PublishedContent content, Theme theme, CancellationToken cancellationToken)
    {
        var items = await content.RecentlyUpdatedAsync(DocumentType.LearningBriefing, 50, cancellationToken);
        var site = SiteRoot(context);
        context.Response.Headers.CacheControl = "public, max-age=300";
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", AtomNs);
            writer.WriteElementString("title", AtomNs, $"New and updated learning - {theme.Name}");
            writer.WriteElementString("id", AtomNs, site + "/learning");
            writer.WriteElementString("updated", AtomNs, Atom(items.Count > 0 ? items.Max(i => i.LastPublishedUtc) : DateTime.UnixEpoch));
            Link(writer, "self", site + "/learning/feed.xml", "application/atom+xml");
            Link(writer, "alternate", site + "/learning", "text/html");
            writer.WriteStartElement("author", AtomNs);
            writer.WriteElementString("name", AtomNs, theme.Organisation);
            writer.WriteEndElement();
            foreach (var item in items)
            {
                writer.WriteStartElement("entry", AtomNs);
                writer.WriteElementString("title", AtomNs, item.Title);
                writer.WriteElementString("id", AtomNs, site + item.Path);
                Link(writer, "alternate", site + item.Path, "text/html");
                writer.WriteElementString("published", AtomNs, Atom(item.FirstPublishedUtc));
                writer.WriteElementString("updated", AtomNs, Atom(item.LastPublishedUtc));
                writer.WriteStartElement("summary", AtomNs);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(item.Summary);
                writer.WriteEndElement();
                foreach (var t in item.Themes)
                {
                    writer.WriteStartElement("category", AtomNs);
                    writer.WriteAttributeString("term", t);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    /// <summary>sitemap.xml: the index pages and every published document.</summary>
    private static async Task<IResult> SitemapAsync(HttpContext context, PublishedContent content, CancellationToken cancellationToken)
    {
        var items = await content.AllAsync(cancellationToken);
        var site = SiteRoot(context);
        context.Response.Headers.CacheControl = "public, max-age=300";
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", SitemapNs);
            foreach (var path in new[] { "/", "/learning", "/toolkit", "/strategy" })
            {
                writer.WriteStartElement("url", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, site + path);
                writer.WriteEndElement();
            }

            foreach (var item in items)
            {
                writer.WriteStartElement("url", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, site + item.Path);
                writer.WriteElementString("lastmod", SitemapNs, item.LastPublishedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static string SiteRoot(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    private static string Atom(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", AtomNs);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("type", type);
        writer.WriteEndElement();
    }
}
