using System.Text.Json;
using LearningPortal.Web.Infrastructure;

namespace LearningPortal.Web.Themes;

public static class ThemeServiceCollectionExtensions
{
    /// <summary>Loads the configured theme (Theme:Name, default "default") once at start.</summary>
    public static IServiceCollection AddPortalThemes(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(sp =>
        {
            var key = configuration["Theme:Name"] is { Length: > 0 } n ? n : "default";
            if (key.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || key.Contains("..", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Theme name '{key}' is not a folder name.");
            }

            var file = Path.Combine(sp.GetRequiredService<PortalPaths>().Themes, key, "theme.json");
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"Theme '{key}' not found: {file} does not exist.");
            }

            var theme = JsonSerializer.Deserialize<Theme>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException($"Theme file {file} is empty.");
            return theme with { Key = key };
        });
        return services;
    }
}
