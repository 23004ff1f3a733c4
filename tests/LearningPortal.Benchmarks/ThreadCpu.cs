using System.Runtime.InteropServices;

namespace LearningPortal.Benchmarks;

/// <summary>
/// CPU time used by the calling thread (Linux clock_gettime CLOCK_THREAD_CPUTIME_ID, nanosecond
/// resolution). On a shared machine wall time includes waiting for a core; CPU time shows what a query
/// costs on its own.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var time) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
