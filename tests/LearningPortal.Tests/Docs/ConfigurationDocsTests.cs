using System.Reflection;
using LearningPortal.Tests.Fleet;

namespace LearningPortal.Tests.Docs;

/// <summary>
/// docs/configuration.md lists every setting: each property of every options class the site binds (the classes with a
/// Section constant) and each key the code reads by name. A new setting without a line there fails here.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    private static readonly string Root = SiteProcess.RepositoryRoot;

    [Fact]
    public void Every_setting_the_site_reads_is_in_configuration_md()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));
        var lines = doc.Split('\n');
        var missing = new List<string>();
        foreach (var (section, type) in OptionsClasses())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                if (!Documented(section, property.Name))
                {
                    missing.Add($"{section}:{property.Name} ({type.Name})");
                }
            }
        }

        var source = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        foreach (Match read in KeyRead().Matches(source))
        {
            var key = read.Groups["key"].Value;
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            // A section read whole (GetSection("RateLimits")) must have its keys documented under its name.
            var found = colon < 0
                ? doc.Contains($"`{key}`", StringComparison.Ordinal) || doc.Contains($"`{key}:", StringComparison.Ordinal)
                : Documented(key[..colon], key[(colon + 1)..]);
            if (!found)
            {
                missing.Add(key);
            }
        }

        Assert.True(missing.Count == 0, "Not in docs/configuration.md: " + string.Join(", ", missing.Distinct()));

        // "Section:Key" anywhere, or ":Key" / "Key" in backticks on a line that names the section (a row that lists
        // several keys of one section, like "`Email:SmtpHost`, `:SmtpPort`").
        bool Documented(string section, string key) =>
            Regex.IsMatch(doc, $@"`{Regex.Escape(section)}:{Regex.Escape(key)}(`|:)")
            || lines.Any(l => l.Contains($"`{section}:", StringComparison.Ordinal)
                && (l.Contains($"`:{key}`", StringComparison.Ordinal) || l.Contains($"`{key}`", StringComparison.Ordinal)
                    || l.Contains($"`{section}:{key}", StringComparison.Ordinal)));
    }

    /// <summary>Every options class the site binds, by its section name (the classes' Section constant).</summary>
    private static IEnumerable<(string Section, Type Type)> OptionsClasses() =>
        new[] { typeof(Program).Assembly, typeof(Core.Content.ContentOptions).Assembly, typeof(global::LearningPortal.Search.SearchOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type));

    // configuration["Key"], configuration.GetValue("Section:Key", ...), GetValue<T>("Section:Key"), GetSection("Section").
    [GeneratedRegex("""[cC]onfiguration(?:\[|\.GetValue(?:<[^>]+>)?\(|\.GetSection\()"(?<key>[A-Za-z_]+(?::[A-Za-z]+)*)"[\],)]""")]
    private static partial Regex KeyRead();
}
