using System.Text;
using DocumentFormat.OpenXml;
using LearningPortal.Tests.ImportFixtures;

namespace LearningPortal.Tests.Content.Import;

/// <summary>Files an import must refuse, each with the message it should give.</summary>
public static class BadFiles
{
    public static byte[] PasswordProtectedPdf() => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Content", "Import", "Files", "password-protected.pdf"));

    /// <summary>
    /// A password-protected .docx as Word saves it: not a zip but an OLE compound file (magic D0 CF 11 E0) holding an
    /// "EncryptedPackage" stream. OpenXml cannot write one and LibreOffice is not installed here, so this writes the
    /// smallest well-formed such container by hand: header, one FAT sector, one directory sector (Root Entry and
    /// EncryptedPackage), one data sector.
    /// </summary>
    public static byte[] PasswordProtectedDocx()
    {
        const uint Free = 0xFFFFFFFF, EndOfChain = 0xFFFFFFFE, FatSector = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;
        var file = new byte[512 * 4];
        var header = file.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BitConverter.TryWriteBytes(header[24..], (ushort)0x3E);
        BitConverter.TryWriteBytes(header[26..], (ushort)3);
        BitConverter.TryWriteBytes(header[28..], (ushort)0xFFFE);
        BitConverter.TryWriteBytes(header[30..], (ushort)9);
        BitConverter.TryWriteBytes(header[32..], (ushort)6);
        BitConverter.TryWriteBytes(header[44..], 1u);
        BitConverter.TryWriteBytes(header[48..], 1u);
        BitConverter.TryWriteBytes(header[56..], 0x1000u);
        BitConverter.TryWriteBytes(header[60..], EndOfChain);
        BitConverter.TryWriteBytes(header[68..], EndOfChain);
        BitConverter.TryWriteBytes(header[76..], 0u);
        for (var i = 1; i < 109; i++)
        {
            BitConverter.TryWriteBytes(header[(76 + (i * 4))..], Free);
        }

        var fat = file.AsSpan(512, 512);
        for (var i = 0; i < 128; i++)
        {
            BitConverter.TryWriteBytes(fat[(i * 4)..], i switch { 0 => FatSector, 1 or 2 => EndOfChain, _ => Free });
        }

        var directory = file.AsSpan(1024, 512);
        Entry(directory[..128], "Root Entry", 5, child: 1, start: EndOfChain, size: 0);
        Entry(directory[128..256], "EncryptedPackage", 2, child: NoStream, start: 2, size: 8);
        BitConverter.TryWriteBytes(file.AsSpan(1536), 4096ul);
        return file;

        static void Entry(Span<byte> entry, string name, byte type, uint child, uint start, ulong size)
        {
            var utf16 = Encoding.Unicode.GetBytes(name + "\0");
            utf16.CopyTo(entry);
            BitConverter.TryWriteBytes(entry[64..], (ushort)utf16.Length);
            entry[66] = type;
            entry[67] = 1;
            BitConverter.TryWriteBytes(entry[68..], NoStream);
            BitConverter.TryWriteBytes(entry[72..], NoStream);
            BitConverter.TryWriteBytes(entry[76..], child);
            BitConverter.TryWriteBytes(entry[116..], start);
            BitConverter.TryWriteBytes(entry[120..], size);
        }
    }

    public static byte[] MacroEnabled() => DocxWriter.Write(Fixtures.AuditBriefing(), type: WordprocessingDocumentType.MacroEnabledDocument);

    public static byte[] Corrupt() => DocxWriter.Write(Fixtures.AuditBriefing())[..1500];

    public static byte[] NoTextDocx() => DocxWriter.Write(new ImportFixture
    {
        Name = "empty",
        Blocks = [],
        Recommendations = [],
        Questions = [],
        Expected = new Dictionary<string, string>(),
    });

    /// <summary>Name, bytes, and the start of the message the Editor should see.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "corrupt", "is damaged and cannot be read" },
        { "password-pdf", "The selected PDF is protected with a password" },
        { "password-docx", "The selected Word document is protected with a password" },
        { "docm", "macro-enabled Word document" },
        { "300-pages", "The selected PDF has 300 pages. You can import a document of up to 150 pages" },
        { "scanned", "has no text in it: it may be a scanned image" },
        { "empty-file", "The selected file is empty" },
        { "empty-docx", "The selected document has no text to import" },
        { "docx-named-pdf", "name ends in .pdf but it is a Word document" },
        { "image-named-docx", "name ends in .docx but it is a PNG image" },
        { "old-word", "older Word document (.doc)" },
        { "text-file", "must be a Word document (.docx) or a PDF" },
    };

    public static (string FileName, byte[] Bytes) File(string name) => name switch
    {
        "corrupt" => ("briefing.docx", Corrupt()),
        "password-pdf" => ("briefing.pdf", PasswordProtectedPdf()),
        "password-docx" => ("briefing.docx", PasswordProtectedDocx()),
        "docm" => ("briefing.docm", MacroEnabled()),
        "300-pages" => ("annual-report.pdf", PdfWriter.Pages(300)),
        "scanned" => ("scan.pdf", PdfWriter.Scanned()),
        "empty-file" => ("briefing.docx", []),
        "empty-docx" => ("briefing.docx", NoTextDocx()),
        "docx-named-pdf" => ("briefing.pdf", DocxWriter.Write(Fixtures.SevenMinute())),
        "image-named-docx" => ("briefing.docx", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")),
        "old-word" => ("briefing.doc", OldWord()),
        "text-file" => ("notes.txt", "Just some notes"u8.ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>An OLE container without an EncryptedPackage stream: the shape of an old .doc.</summary>
    private static byte[] OldWord()
    {
        var bytes = PasswordProtectedDocx();
        var name = Encoding.Unicode.GetBytes("EncryptedPackage");
        var at = bytes.AsSpan().IndexOf(name);
        Encoding.Unicode.GetBytes("WordDocument\0\0\0\0").CopyTo(bytes, at);
        return bytes;
    }
}
