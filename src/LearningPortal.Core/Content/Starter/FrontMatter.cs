using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace LearningPortal.Core.Content.Starter;

/// <summary>
/// A content file: YAML front matter between "---" lines, then the Markdown body. The front matter holds the
/// document's type, slug and state, and its fields by their JSON names (camelCase).
/// </summary>
public sealed record ContentFile(JsonObject Meta, string Body)
{
    private static readonly IDeserializer Reader = new DeserializerBuilder().Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithEventEmitter(next => new LiteralMultilineEmitter(next))
        .DisableAliases()
        .Build();

    public static ContentFile Parse(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("The file does not start with front matter (a line of ---).");
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("The front matter has no closing line of ---.");
        }

        var yaml = text[4..end];
        var bodyStart = text.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];
        var data = Reader.Deserialize<object>(yaml);
        var json = ToJson(data) as JsonObject ?? throw new FormatException("The front matter must be a set of name: value pairs.");
        return new ContentFile(json, body.Trim());
    }

    public override string ToString()
    {
        var sb = new StringBuilder("---\n");
        sb.Append(Writer.Serialize(FromJson(Meta)));
        sb.Append("---\n\n");
        sb.Append(Body.Trim());
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// YAML scalars arrive as strings; numbers and true/false are kept as strings too and the fields' JSON
    /// reader accepts numbers from strings, so "2025" stays a title and 15 becomes an int where the field is one.
    /// </summary>
    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object> map => new JsonObject(map.Select(kv => KeyValuePair.Create(Convert.ToString(kv.Key, CultureInfo.InvariantCulture)!, ToJson(kv.Value)))),
        IList<object> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.Where(kv => !IsEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => FromJson(kv.Value)),
        JsonArray a => a.Select(FromJson).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        },
        _ => null,
    };

    // Empty values are left out of files to keep them readable; reading them back gives the same defaults.
    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        _ => false,
    };

    /// <summary>Writes multi-line text as YAML literal blocks (|), so Markdown fields read naturally.</summary>
    private sealed class LiteralMultilineEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string s && s.Contains('\n', StringComparison.Ordinal) && !s.Contains('\t', StringComparison.Ordinal)
                && !s.Split('\n').Any(l => l.EndsWith(' ')))
            {
                eventInfo = new ScalarEventInfo(eventInfo.Source) { Style = ScalarStyle.Literal };
            }
            else if (eventInfo.Source.Value is string plain && LooksLikeAnotherType(plain))
            {
                eventInfo = new ScalarEventInfo(eventInfo.Source) { Style = ScalarStyle.DoubleQuoted };
            }

            base.Emit(eventInfo, emitter);
        }

        private static bool LooksLikeAnotherType(string s) => s is "true" or "false" or "null" or "~" or "yes" or "no" || s.Length == 0;
    }
}
