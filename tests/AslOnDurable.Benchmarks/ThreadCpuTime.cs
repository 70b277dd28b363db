using System.Runtime.InteropServices;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// The calling thread's CPU time (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, Linux), so a single-threaded
/// measurement leaves out the time other processes held the core: steadier than wall time on a busy machine.
/// <see langword="null"/> where the call is not available.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    private static readonly bool Available = OperatingSystem.IsLinux();

    /// <summary>The thread's CPU time so far in milliseconds, or <see langword="null"/>.</summary>
    public static double? Milliseconds() =>
        Available && NativeMethods.ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : null;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int ClockGetTime(int clock, out TimeSpec time);
    }
}
