using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;

namespace LearningPortal.Tests.Manage.MediaLibrary;

/// <summary>Files for upload tests, and the upload forms posted as a browser posts them (multipart, with the anti-forgery token).</summary>
public static class MediaUploads
{
    /// <summary>A small but real PDF.</summary>
    public static byte[] Pdf(string text = "Neglect screening tool") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1x1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>Opens the form at <paramref name="path"/> and posts it with a file and the given fields.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this PortalClient client, string path, string fileName, byte[] bytes, IDictionary<string, string>? fields = null)
    {
        var page = await client.GetDocumentAsync(path);
        var token = page.QuerySelector<IHtmlInputElement>("main form[enctype] input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        // What the browser claims is ignored: the library reads the bytes.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Input.File", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        return await client.SendAsync(request);
    }

    /// <summary>Uploads a file through the form and returns its media id.</summary>
    public static async Task<int> UploadMediaAsync(this PortalClient client, string fileName, byte[] bytes, string? title = null, string? altText = null)
    {
        var fields = new Dictionary<string, string>();
        if (title is not null)
        {
            fields["Input.Title"] = title;
        }

        if (altText is not null)
        {
            fields["Input.AltText"] = altText;
        }

        var response = await client.UploadAsync("/manage/media/upload", fileName, bytes, fields);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, "Upload failed: " + ManageTestData.ErrorSummary(await PortalClient.ParseAsync(response)));
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
