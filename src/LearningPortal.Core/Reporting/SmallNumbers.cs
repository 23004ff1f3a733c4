using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LearningPortal.Core.Reporting;

/// <summary>
/// A count that is hidden when small: below the threshold only "fewer than N" is known, never the number,
/// so nobody can be singled out.
/// </summary>
public sealed record SuppressedCount(int? Value, int Threshold)
{
    public bool IsSuppressed => Value is null;

    public static SuppressedCount Of(int count, int threshold) => new(count < threshold ? null : count, threshold);

    public override string ToString() => Value?.ToString(CultureInfo.InvariantCulture) ?? $"fewer than {Threshold}";
}

/// <summary>
/// The portal's one rule for small numbers, used by every report (supervision dashboard, feedback analysis,
/// impact): a count below <see cref="Threshold"/> is shown as "fewer than N". The threshold is the setting
/// <c>Reporting:SuppressBelow</c> (default 3); the older <c>Supervision:SuppressBelow</c> is still read when the
/// new one is not set, so existing configuration keeps working.
/// </summary>
public class SmallNumbers(IConfiguration configuration)
{
    public const string Setting = "Reporting:SuppressBelow";
    public const string OldSetting = "Supervision:SuppressBelow";
    public const int DefaultThreshold = 3;

    /// <summary>Counts below this are suppressed (read on every call, so a changed setting applies at once).</summary>
    public int Threshold => Math.Max(1, configuration.GetValue<int?>(Setting) ?? configuration.GetValue<int?>(OldSetting) ?? DefaultThreshold);

    /// <summary>Whether a group of this many people is too small to show anything about it.</summary>
    public bool IsTooSmall(int count) => count < Threshold;

    public SuppressedCount Count(int count) => SuppressedCount.Of(count, Threshold);

    /// <summary>
    /// Suppresses the cells of one table row (or column) whose parts add up to a known total, including the
    /// second cell that would otherwise give a hidden one away by subtraction ("total 10, shown 4 and 5, so the
    /// hidden one is 1"). When exactly one cell is below the threshold, the next smallest is hidden too.
    /// Zero is shown: it singles nobody out.
    /// </summary>
    public IReadOnlyList<SuppressedCount> Cells(IReadOnlyList<int> counts, bool totalIsShown = true)
    {
        var threshold = Threshold;
        var hidden = counts.Select(c => c > 0 && c < threshold).ToArray();
        if (totalIsShown && hidden.Count(h => h) == 1)
        {
            var next = counts.Select((c, i) => (Count: c, Index: i))
                .Where(x => !hidden[x.Index] && x.Count > 0)
                .OrderBy(x => x.Count).ThenBy(x => x.Index)
                .Select(x => (int?)x.Index).FirstOrDefault();
            if (next is { } n)
            {
                hidden[n] = true;
            }
        }

        return [.. counts.Select((c, i) => new SuppressedCount(hidden[i] ? null : c, threshold))];
    }
}
