namespace LearningPortal.Core.Content.Import;

/// <summary>What the Editor is told when a file cannot be imported, in GOV.UK wording: what is wrong and what to do.</summary>
public static class ImportMessages
{
    public const string Empty = "The selected file is empty";

    public const string NotWordOrPdf = "The selected file must be a Word document (.docx) or a PDF";

    public const string OldWord = "The selected file is an older Word document (.doc). Open it in Word, save it as a Word document (.docx) and upload that";

    public const string MacroEnabled = "The selected file is a macro-enabled Word document (.docm). Save it as a Word document (.docx), without macros, and upload that";

    public const string NoTextInPdf = "The selected PDF has no text in it: it may be a scanned image. Upload the Word document it was made from, or a PDF saved from it";

    public const string NoText = "The selected document has no text to import";

    public const string TooBig = "The selected document has too much text to import. Split it into smaller documents";

    public const string TimedOut = "The selected document took too long to read. Try saving it again from Word, or upload the Word document instead of the PDF";

    public static string Damaged(string kind) => $"The selected {kind} is damaged and cannot be read. Open it, save it again and upload the new copy";

    public static string PasswordProtected(string kind, string where) => $"The selected {kind} is protected with a password. Remove the password in {where}, save it and upload it again";

    public static string TooManyPages(int pages, int max) => $"The selected PDF has {pages:N0} pages. You can import a document of up to {max:N0} pages";

    public static string Mismatch(string named, string actual) => $"The selected file's name ends in {named} but it is {actual}. Check you chose the right file, or correct its name";
}
